// The candidate translations in the text of one dictionary entry, in the
// dictionary's order (its main sense first). Each candidate is a word or
// phrase as written; the builder analyses it and keeps what fits.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace akhbar::resources {

/// An entry of Mueller's English-Russian dictionary (mueller7): a headword
/// line, a transcription in [], then senses numbered "1.", "1)", "а)",
/// homonyms "_I", "_II", with grammatical labels ("_n.", "_v.", "_pl.") and
/// usage labels ("_ист.", "_разг.", "_ам."). Yields the translations of
/// every sense that has no usage label and is not attributive ("_attr."):
/// the comma-separated items before the sense's first example, parenthesised
/// glosses removed. Cross-references ("= porthole") and items holding Latin
/// letters (examples, idioms) are dropped.
std::vector<std::string> mueller_translations(std::string_view entry_text);

/// An entry of a FreeDict dictionary (freedict-eng-ara, freedict-ara-eng,
/// freedict-eng-rus): a headword line with a transcription in //, then one
/// translation per line, numbered "1. " when there are several. Yields the
/// translations, parenthesised notes removed, items separated by commas
/// (Latin or Arabic) split.
std::vector<std::string> freedict_translations(std::string_view entry_text);

}  // namespace akhbar::resources
