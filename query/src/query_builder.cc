// Turns the parsed query into Xapian queries over the terms the indexer
// writes (schema.h), analysing every word with the same chain as the index.
#include "query_builder.h"

#include <algorithm>
#include <cstddef>
#include <optional>
#include <string>
#include <unordered_map>
#include <set>
#include <unordered_set>
#include <utility>
#include <vector>

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include "akhbar/analysis/analyzer.h"
#include "akhbar/analysis/cross_script.h"
#include "akhbar/analysis/lexicon.h"
#include "akhbar/error.h"
#include "akhbar/indexer/schema.h"

namespace akhbar::query::detail {
namespace {

namespace schema = indexer::schema;
using analysis::Token;
using Kind = QueryNode::Kind;

/// True if `text` has a lower-case letter after its first character: with a
/// capital first letter that is how names are written ("Hamas"), while an
/// all-caps word ("SANCTIONS") is shouting and is stemmed like any word.
bool has_lower_after_first(std::string_view text) {
  std::int32_t i = 0;
  const auto length = static_cast<std::int32_t>(text.size());
  bool first = true;
  while (i < length) {
    UChar32 c;
    U8_NEXT(text.data(), i, length, c);
    if (!first && c >= 0 && u_islower(c)) return true;
    first = false;
  }
  return false;
}

bool looks_like_name(const Token& token, std::string_view typed) {
  if (token.script != analysis::Script::kLatin || !token.capitalised) return false;
  if (token.end > typed.size() || token.begin >= token.end) return false;
  return has_lower_after_first(typed.substr(token.begin, token.end - token.begin));
}

/// What the case forms of a Russian noun share: the word without a final
/// vowel, й or ь (сирия: сири-; тартус: тартус-).
std::string_view russian_noun_start(std::string_view word) {
  static constexpr std::string_view kEndings[] = {"а", "е", "и", "й", "о", "у", "ы", "ь", "э", "ю", "я"};
  for (const std::string_view ending : kEndings)
    if (word.size() > ending.size() && word.ends_with(ending)) return word.substr(0, word.size() - ending.size());
  return word;
}

/// True if `form` and `word`, two words of one Russian stem, could be case
/// forms of one noun: one of them begins with what the other keeps in every
/// case. Snowball's stems are shorter and join a name to unrelated words
/// (сирия and сирый both stem to сир): "сирии" and "Сирией" pass for
/// "Сирия", "стройтрансгаз" for "Стройтрансгазом"; "сирые" does not.
bool could_be_case_forms(std::string_view form, std::string_view word) {
  return form.starts_with(russian_noun_start(word)) || word.starts_with(russian_noun_start(form));
}

/// Words from the name-key dictionary one query word may take in.
constexpr std::size_t kMaxNameVariants = 64;
/// Words listed under one skeleton that are compared with the query word:
/// a bound on the work for very common skeletons.
constexpr std::size_t kMaxListedExamined = 2000;
constexpr std::size_t kMinimumArabicNameLetters = 3;
constexpr std::size_t kMinimumAliasStemLetters = 4;

/// A Latin or Cyrillic word typed with a capital and then lower case: the
/// user wrote it as a name.
bool typed_as_name(const Token& token, std::string_view typed) {
  if (token.script != analysis::Script::kLatin && token.script != analysis::Script::kCyrillic)
    return false;
  if (!token.capitalised || token.end > typed.size() || token.begin >= token.end) return false;
  return has_lower_after_first(typed.substr(token.begin, token.end - token.begin));
}

std::size_t letters_in(std::string_view word) {
  std::size_t letters = 0;
  for (char byte : word)
    if ((static_cast<unsigned char>(byte) & 0xC0) != 0x80) ++letters;
  return letters;
}

/// The script of a normalised word, from its first letter.
analysis::Script script_of_word(std::string_view word) {
  if (word.empty()) return analysis::Script::kOther;
  std::int32_t i = 0;
  UChar32 c;
  U8_NEXT(word.data(), i, static_cast<std::int32_t>(word.size()), c);
  if (c >= 0x0400 && c <= 0x04FF) return analysis::Script::kCyrillic;
  if ((c >= 0x0600 && c <= 0x06FF) || (c >= 0x0750 && c <= 0x077F)) return analysis::Script::kArabic;
  if (c >= 0 && u_isalpha(c) && c < 0x0250) return analysis::Script::kLatin;
  return analysis::Script::kOther;
}

/// How a name-key match reached `variant`: in the word's own Arabic or
/// Russian it is another inflection or clitic form; otherwise a spelling.
std::string_view route_to(const Token& token, std::string_view variant) {
  const analysis::Script script = script_of_word(variant);
  const bool inflecting = script == analysis::Script::kArabic || script == analysis::Script::kCyrillic;
  return script == token.script && inflecting ? "stem" : "transliteration";
}

/// The lookup keys of a word: the skeleton of each of its keys; for a Latin
/// key ending in -at/-it/-ut also without its t, and for an Arabic key
/// ending in ta marbuta also with a t (Hayat and هيئة: the ta marbuta is no
/// consonant, but Latin often writes it as one).
std::vector<std::string> skeletons_of(const analysis::NameKeys& keys) {
  std::vector<std::string> skeletons;
  auto add = [&](std::string_view key) {
    std::string skeleton = analysis::key_skeleton(key);
    if (!skeleton.empty() && std::find(skeletons.begin(), skeletons.end(), skeleton) == skeletons.end())
      skeletons.push_back(std::move(skeleton));
  };
  for (const std::string& key : keys.keys) {
    add(key);
    const bool vowel_t = key.size() >= 2 && key.back() == 't' &&
                         std::string_view("aiu").find(key[key.size() - 2]) != std::string_view::npos;
    if (!keys.vowels_omitted && vowel_t) add(std::string_view(key).substr(0, key.size() - 1));
    if (keys.vowels_omitted && key.back() == '@') add(std::string(key) + "t");
  }
  return skeletons;
}

/// An Arabic word and its readings without leading clitics (و ف ب ك ل) and
/// the article, each keeping three letters or more: لطرطوس -> طرطوس,
/// وباللاذقية -> اللاذقية -> لاذقية.
std::set<std::string> arabic_readings(const std::string& word) {
  static constexpr std::string_view kClitics[] = {"\u0648", "\u0641", "\u0628", "\u0643", "\u0644"};
  static constexpr std::string_view kArticle = "\u0627\u0644";
  std::set<std::string> readings{word};
  std::vector<std::string> pending{word};
  while (!pending.empty()) {
    const std::string reading = std::move(pending.back());
    pending.pop_back();
    auto strip = [&](std::string_view prefix) {
      if (!std::string_view(reading).starts_with(prefix)) return;
      std::string rest = reading.substr(prefix.size());
      if (letters_in(rest) >= kMinimumArabicNameLetters && readings.insert(rest).second)
        pending.push_back(std::move(rest));
    };
    for (std::string_view clitic : kClitics) strip(clitic);
    strip(kArticle);
  }
  return readings;
}

/// The stem the analysis gives one normalised word ("" if none).
std::string stem_of(const std::string& word) {
  const auto tokens = analysis::news_analyzer().analyze(word);
  return tokens.empty() ? std::string() : tokens.front().stem;
}

/// True if `candidate`, a word the name keys matched, agrees with the alias
/// group of the query word: when the group spells the name in the
/// candidate's script, the candidate must be one of those spellings with
/// clitics (Arabic) or a case ending (Russian), or a Latin spelling with the
/// same key. The table is finer than keys, which fold ح/خ and س/ص (حمص is
/// Homs, خمس is "five") and drop short vowels (حماة is Hama, not Home).
bool agrees_with_aliases(const std::string& candidate, const Token& query,
                         const std::vector<analysis::LexiconEntry>& aliases) {
  const analysis::Script script = script_of_word(candidate);
  if (script == analysis::Script::kOther) return true;
  std::vector<std::pair<std::string, std::string>> spellings;  // (word, stem)
  if (query.script == script) spellings.emplace_back(query.text, query.stem);
  for (const analysis::LexiconEntry& alias : aliases)
    if (alias.words.size() == 1 && script_of_word(alias.words.front()) == script)
      spellings.emplace_back(alias.words.front(), alias.stems.empty() ? std::string() : alias.stems.front());
  if (spellings.empty()) return true;
  if (script == analysis::Script::kLatin) {
    const analysis::NameKeys keys = analysis::name_keys(candidate);
    for (const auto& spelling : spellings)
      if (analysis::same_name(keys, analysis::name_keys(spelling.first))) return true;
    return false;
  }
  if (script == analysis::Script::kArabic) {
    const std::set<std::string> readings = arabic_readings(candidate);
    for (const auto& spelling : spellings)
      for (const std::string& reading : arabic_readings(spelling.first))
        if (readings.count(reading) != 0) return true;
    return false;
  }
  const std::string stem = stem_of(candidate);
  for (const auto& [word, word_stem] : spellings)
    if (candidate == word || (!stem.empty() && stem == word_stem)) return true;
  return false;
}

/// True if `original` (a lexicon entry as written) is a Latin name, which
/// must not be stemmed (Hamas -> hama would reach Hama).
bool is_latin_name(const std::string& original) {
  Token token;
  token.script = analysis::Script::kLatin;
  token.capitalised = !original.empty() && original.front() >= 'A' && original.front() <= 'Z';
  token.begin = 0;
  token.end = original.size();
  return looks_like_name(token, original);
}

bool fits(const std::string& term) { return !term.empty() && term.size() <= schema::kMaxTermBytes; }

/// One word of the query as typed: the compound or plain word, and the parts
/// that follow a compound.
struct Unit {
  Token head;
  std::vector<Token> parts;
};

std::vector<Unit> units_of(const std::vector<Token>& tokens) {
  std::vector<Unit> units;
  for (const Token& token : tokens) {
    if (token.kind == Token::Kind::kPart && !units.empty() &&
        units.back().head.kind == Token::Kind::kCompound) {
      units.back().parts.push_back(token);
    } else {
      units.push_back(Unit{token, {}});
    }
  }
  return units;
}

class Builder {
 public:
  Builder(bool relax, bool keep_stopwords, const Expansion& expansion)
      : relax_(relax), keep_stopwords_(keep_stopwords), expansion_(expansion) {}

  BuiltQuery build(const QueryNode& root) {
    BuiltQuery built;
    if (auto query = build_and(root, /*positive=*/true, /*top=*/true, &built.and_groups))
      built.query = std::move(*query);
    built.forms = std::move(forms_);
    return built;
  }

 private:
  std::optional<Xapian::Query> build_node(const QueryNode& node, bool positive) {
    switch (node.kind) {
      case Kind::kWord:
        return word_query(node, positive);
      case Kind::kPhrase:
        return phrase_query(node, positive);
      case Kind::kAnd:
        return build_and(node, positive, /*top=*/false, nullptr);
      case Kind::kOr:
        return build_or(node, positive);
      case Kind::kExclude: {
        // Alone (for instance inside an OR): everything but the excluded.
        if (node.children.empty()) return std::nullopt;
        auto excluded = build_node(node.children.front(), !positive);
        if (!excluded) return std::nullopt;
        return Xapian::Query(Xapian::Query::OP_AND_NOT, Xapian::Query::MatchAll, *excluded);
      }
      case Kind::kLang:
      case Kind::kSource:
        // A filter alone ranks nothing: weight zero.
        return Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, Xapian::Query(filter_term(node)), 0.0);
    }
    return std::nullopt;
  }

  static std::string filter_term(const QueryNode& node) {
    if (node.kind == Kind::kLang) return std::string(schema::kLangPrefix) + node.text;
    return std::string(schema::kSourcePrefix) + schema::source_key(node.text);
  }

  /// Invariants of the result:
  ///  1. positive items are ANDed (ORed when relaxing the top level);
  ///  2. excluded items are removed with AND_NOT, never weighted;
  ///  3. filters of one field are ORed, fields ANDed, all by OP_FILTER.
  std::optional<Xapian::Query> build_and(const QueryNode& node, bool positive, bool top,
                                         std::size_t* groups) {
    std::vector<Xapian::Query> positives, negatives, langs, sources;
    const std::vector<Span> spans = lexicon_spans(node);
    auto next_span = spans.begin();
    for (std::size_t c = 0; c < node.children.size(); ++c) {
      const QueryNode& child = node.children[c];
      if (next_span != spans.end() && next_span->first_child == c) {
        // Several typed words that are one name or term: one group.
        if (auto q = span_query(*next_span, node, positive)) positives.push_back(std::move(*q));
        c = next_span->end_child - 1;
        ++next_span;
        continue;
      }
      if (child.kind == Kind::kExclude) {
        if (child.children.empty()) continue;
        if (auto q = build_node(child.children.front(), !positive)) negatives.push_back(std::move(*q));
      } else if (child.kind == Kind::kLang) {
        langs.emplace_back(filter_term(child));
      } else if (child.kind == Kind::kSource) {
        sources.emplace_back(filter_term(child));
      } else if (auto q = build_node(child, positive)) {
        positives.push_back(std::move(*q));
      }
    }
    if (groups != nullptr) *groups = positives.size();
    if (positives.empty() && negatives.empty() && langs.empty() && sources.empty())
      return std::nullopt;

    const auto join = (top && relax_) ? Xapian::Query::OP_OR : Xapian::Query::OP_AND;
    Xapian::Query query = positives.empty()
                              ? Xapian::Query::MatchAll
                              : Xapian::Query(join, positives.begin(), positives.end());
    if (!negatives.empty())
      query = Xapian::Query(Xapian::Query::OP_AND_NOT, query,
                            Xapian::Query(Xapian::Query::OP_OR, negatives.begin(), negatives.end()));
    if (!langs.empty())
      query = Xapian::Query(Xapian::Query::OP_FILTER, query,
                            Xapian::Query(Xapian::Query::OP_OR, langs.begin(), langs.end()));
    if (!sources.empty())
      query = Xapian::Query(Xapian::Query::OP_FILTER, query,
                            Xapian::Query(Xapian::Query::OP_OR, sources.begin(), sources.end()));
    return query;
  }

  std::optional<Xapian::Query> build_or(const QueryNode& node, bool positive) {
    std::vector<Xapian::Query> alternatives;
    for (const QueryNode& child : node.children)
      if (auto q = build_node(child, positive)) alternatives.push_back(std::move(*q));
    if (alternatives.empty()) return std::nullopt;
    return Xapian::Query(Xapian::Query::OP_OR, alternatives.begin(), alternatives.end());
  }

  std::optional<Xapian::Query> word_query(const QueryNode& node, bool positive) {
    const auto tokens = analysis::news_analyzer().analyze(node.text);
    const auto units = units_of(tokens);
    if (units.empty()) return std::nullopt;
    if (units.size() > 1) {
      // One typed word the analyzer splits into several ("U.S.-led",
      // "30/40"): its words in sequence, as a phrase.
      return phrase_of_units(units, node.title, positive, node.text);
    }
    const Unit& unit = units.front();
    const std::size_t id = next_id_++;
    if (unit.head.kind != Token::Kind::kCompound) {
      if (!keep_stopwords_ && analysis::is_stopword(unit.head.text)) return std::nullopt;
      return synonym_of(unit, node.text, node.title, positive ? &id : nullptr);
    }
    // A compound typed as one word matches its compound term, or its parts
    // written apart ("al Sharaa").
    std::vector<Xapian::Query> ways;
    if (auto whole = synonym_of(unit, node.text, node.title, positive ? &id : nullptr))
      ways.push_back(std::move(*whole));
    std::vector<std::string> part_words;
    for (const Token& part : unit.parts) part_words.push_back(part.text);
    if (auto parts = phrase_of_words(part_words, node.title)) ways.push_back(std::move(*parts));
    if (ways.empty()) return std::nullopt;
    return Xapian::Query(Xapian::Query::OP_OR, ways.begin(), ways.end());
  }

  std::optional<Xapian::Query> phrase_query(const QueryNode& node, bool positive) {
    return phrase_of_units(units_of(analysis::news_analyzer().analyze(node.text)), node.title,
                           positive, node.text);
  }

  /// A phrase over words; a compound contributes its parts, which carry the
  /// positions. Each word is its exact term OR its other spellings and
  /// single-word aliases (no stems: they have no positions).
  std::optional<Xapian::Query> phrase_of_units(const std::vector<Unit>& units, bool title,
                                               bool positive, std::string_view typed) {
    std::vector<PhraseSlot> slots;
    for (const Unit& unit : units) {
      const std::vector<Token> words =
          unit.parts.empty() ? std::vector<Token>{unit.head} : unit.parts;
      for (const Token& word : words) {
        const std::string term = prefixed_word(word.text, title);
        if (!fits(term)) continue;
        const bool content = !analysis::is_stopword(word.text);
        const std::size_t id = next_id_++;
        const std::size_t* form_id = positive && content ? &id : nullptr;
        if (form_id != nullptr) note_word(word.text, word.text, *form_id, "exact");
        std::vector<Xapian::Query> alternatives{Xapian::Query(term)};
        if (content) {
          std::set<std::string> used{term};
          const Unit alone{word, {}};
          const std::vector<analysis::LexiconEntry> aliases = aliases_of(word);
          for (const std::string& variant : name_variants(alone, typed, aliases))
            add_word_form(variant, std::string(route_to(word, variant)), word, title, form_id, used,
                          alternatives);
          for (const analysis::LexiconEntry& alias : aliases)
            if (alias.words.size() == 1)
              add_word_form(alias.words.front(), "alias", word, title, form_id, used, alternatives);
        }
        slots.push_back({alternatives.size() == 1
                             ? alternatives.front()
                             : Xapian::Query(Xapian::Query::OP_OR, alternatives.begin(), alternatives.end()),
                         content});
      }
    }
    return phrase_of_slots(slots);
  }

  /// The phrase of `words` as written (no other forms).
  static std::optional<Xapian::Query> phrase_of_words(const std::vector<std::string>& words, bool title) {
    std::vector<PhraseSlot> slots;
    for (const std::string& word : words) {
      std::string term = prefixed_word(word, title);
      if (fits(term)) slots.push_back({Xapian::Query(term), !analysis::is_stopword(word)});
    }
    return phrase_of_slots(slots);
  }

  /// One word of a phrase, and whether the index has its positions: a
  /// stopword has none (schema.h).
  struct PhraseSlot {
    Xapian::Query query;
    bool positional;
  };

  /// OP_PHRASE over the slots with positions, in a window from the first of
  /// them to the last, so that the stopwords between keep their places
  /// ("bank of russia": russia at most two positions after bank). A phrase
  /// of stopwords only is the AND of its words.
  static std::optional<Xapian::Query> phrase_of_slots(const std::vector<PhraseSlot>& slots) {
    std::vector<Xapian::Query> positional;
    std::size_t first = 0, last = 0;
    for (std::size_t i = 0; i < slots.size(); ++i) {
      if (!slots[i].positional) continue;
      if (positional.empty()) first = i;
      last = i;
      positional.push_back(slots[i].query);
    }
    if (positional.empty()) {
      if (slots.empty()) return std::nullopt;
      std::vector<Xapian::Query> all;
      for (const PhraseSlot& slot : slots) all.push_back(slot.query);
      return Xapian::Query(Xapian::Query::OP_AND, all.begin(), all.end());
    }
    if (positional.size() == 1) return positional.front();
    return Xapian::Query(Xapian::Query::OP_PHRASE, positional.begin(), positional.end(),
                         static_cast<Xapian::termcount>(last - first + 1));
  }

  /// All forms of one word in one OP_SYNONYM, so that a rare form cannot
  /// outweigh the word (LESSONS.md); with other forms, the exact ones again
  /// with kExactBonus (see build_query). `id` is null for excluded words.
  std::optional<Xapian::Query> synonym_of(const Unit& unit, std::string_view typed, bool title,
                                          const std::size_t* id) {
    const Token& token = unit.head;
    std::vector<Xapian::Query> exact;
    std::set<std::string> used;
    const std::string word = prefixed_word(token.text, title);
    if (fits(word)) {
      exact.emplace_back(word);
      used.insert(word);
      note_if_ambiguous(word, token.text, token.stem);
      if (id != nullptr) note_word(token.text, token.text, *id, "exact");
    }
    const std::vector<analysis::LexiconEntry> aliases = aliases_of(token);
    if (!token.stem.empty() && !looks_like_name(token, typed)) {
      // A name the alias table knows takes only its case forms.
      const bool case_forms_only = !aliases.empty() && takes_case_forms_only(token.text);
      const std::vector<std::string> forms =
          case_forms_only ? case_form_terms(token.text, token.stem, title) : stem_terms(token.stem, title);
      for (const std::string& term : forms) {
        if (!used.insert(term).second) continue;
        exact.emplace_back(term);
        note_if_ambiguous(term, "", token.stem);
      }
      if (id != nullptr) note_stem_forms(token.stem, case_forms_only, forms, title, token.text, *id, "stem");
    }
    if (exact.empty()) return std::nullopt;
    Xapian::Query exact_query(Xapian::Query::OP_SYNONYM, exact.begin(), exact.end());

    std::vector<Xapian::Query> all = exact;
    for (const std::string& variant : name_variants(unit, typed, aliases))
      add_word_form(variant, std::string(route_to(token, variant)), token, title, id, used, all);
    for (const analysis::LexiconEntry& alias : aliases) add_entry(alias, "alias", token, title, id, used, all);
    if (expansion_.lexicon)
      add_topics(analysis::Lexicon::shared().topics_with_word(token),
                 analysis::Lexicon::shared().topic_equivalents(token), token, title, id, used, all);
    if (all.size() == exact.size()) return with_context(exact_query, all, title);
    return group_with_exact_bonus(all, exact_query, title);
  }

  /// The group of `forms` with the `exact` ones again at kExactBonus, so
  /// that exact spellings rank above other forms, weighed down outside an
  /// ambiguous name's context (with_context).
  Xapian::Query group_with_exact_bonus(const std::vector<Xapian::Query>& forms, const Xapian::Query& exact,
                                       bool title) {
    return with_context(Xapian::Query(Xapian::Query::OP_OR, synonym_over(forms),
                                      Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, exact, kExactBonus)),
                        forms, title);
  }

  /// OP_SYNONYM of `forms`, without each phrase one of whose words is a form
  /// too ("vladimir putin" beside "putin"): every document with the phrase
  /// has that word, so the phrase adds no document, only position reads for
  /// every candidate with all its words (tens of milliseconds on a million
  /// articles) and its words' counts once more. (A phrase still counts as
  /// evidence of an ambiguous name's context: with_context() is given all
  /// the forms.)
  static Xapian::Query synonym_over(std::vector<Xapian::Query> forms) {
    std::set<std::string> single;
    for (const Xapian::Query& form : forms)
      if (form.get_type() == Xapian::Query::LEAF_TERM) single.insert(*form.get_terms_begin());
    std::erase_if(forms, [&](const Xapian::Query& form) {
      if (form.get_type() != Xapian::Query::OP_PHRASE) return false;
      for (auto term = form.get_terms_begin(); term != form.get_terms_end(); ++term)
        if (single.count(*term) != 0) return true;
      return false;
    });
    return Xapian::Query(Xapian::Query::OP_SYNONYM, forms.begin(), forms.end());
  }

  /// A run of adjacent free words of one AND that the lexicon knows as one
  /// multi-word alias member or topic term.
  struct Span {
    std::size_t first_child = 0;  ///< index of its first word among the AND's children
    std::size_t end_child = 0;    ///< one past its last word
    std::vector<Token> tokens;    ///< the analysed words of the run
    analysis::LexiconMatch match;
  };

  /// The spans of `node`'s children, in order. Only free words that are one
  /// word once analysed take part (a word such as "U.S.-led" is a phrase
  /// of its own); any other child ends a run.
  std::vector<Span> lexicon_spans(const QueryNode& node) const {
    std::vector<Span> spans;
    if (!expansion_.lexicon) return spans;
    std::vector<Token> run;
    std::vector<std::size_t> child_of;  // parallel to run
    const auto flush = [&] {
      if (run.size() >= 2) {
        for (analysis::LexiconMatch& match : analysis::Lexicon::shared().find_phrases(run)) {
          Span span;
          span.first_child = child_of[match.first];
          span.end_child = child_of[match.last - 1] + 1;
          span.tokens.assign(run.begin() + static_cast<std::ptrdiff_t>(match.first),
                             run.begin() + static_cast<std::ptrdiff_t>(match.last));
          span.match = std::move(match);
          spans.push_back(std::move(span));
        }
      }
      run.clear();
      child_of.clear();
    };
    for (std::size_t c = 0; c < node.children.size(); ++c) {
      const QueryNode& child = node.children[c];
      if (child.kind == Kind::kWord && !child.title) {
        const auto tokens = analysis::news_analyzer().analyze(child.text);
        if (units_of(tokens).size() == 1) {
          for (const Token& token : tokens) {
            run.push_back(token);
            child_of.push_back(c);
          }
          continue;
        }
      }
      flush();
    }
    flush();
    return spans;
  }

  /// One group for a span of `node`'s children:
  ///   OP_OR(words, OP_SCALE_WEIGHT(OP_AND_NOT(other names, words), kExactBonus))
  /// where words is OP_AND(each word's own group), as without the lexicon,
  /// and other names the OP_SYNONYM of the span's aliases and topic terms.
  /// They only bring in documents the words miss (other languages, other
  /// names of the thing), below those that have the words as typed: adding
  /// their weight to documents that have the words too made a two-word name
  /// outweigh the rest of the query. The phrase as typed is not among them:
  /// every document with the phrase has the words, and testing the phrase
  /// there read two position lists per candidate (a third of the time of
  /// "Russian naval base Tartus" on a million articles) to match nothing.
  /// Without words of their own (stopwords only), the span is the phrase
  /// as typed or one of the other names, the phrase first.
  std::optional<Xapian::Query> span_query(const Span& span, const QueryNode& node, bool positive) {
    std::vector<Xapian::Query> one_by_one;
    for (std::size_t c = span.first_child; c < span.end_child; ++c)
      if (auto q = build_node(node.children[c], positive)) one_by_one.push_back(std::move(*q));
    const std::optional<SpanForms> forms = span_forms(span, positive);
    if (one_by_one.empty()) {
      if (!forms) return std::nullopt;
      if (forms->others.empty()) return forms->typed;
      std::vector<Xapian::Query> all{forms->typed};
      all.insert(all.end(), forms->others.begin(), forms->others.end());
      return group_with_exact_bonus(all, forms->typed, false);
    }
    Xapian::Query words(Xapian::Query::OP_AND, one_by_one.begin(), one_by_one.end());
    if (!forms || forms->others.empty()) return words;
    const Xapian::Query others = with_context(synonym_over(forms->others), forms->others, false);
    return Xapian::Query(Xapian::Query::OP_OR, words,
                         Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT,
                                       Xapian::Query(Xapian::Query::OP_AND_NOT, others, words), kExactBonus));
  }

  /// A span's phrase as typed and its other names (aliases, topic terms).
  struct SpanForms {
    Xapian::Query typed;
    std::vector<Xapian::Query> others;
  };

  /// The forms of `span` (nullopt when its words make no phrase); notes
  /// the span's words as query forms.
  std::optional<SpanForms> span_forms(const Span& span, bool positive) {
    const std::size_t id = next_id_++;
    const std::size_t* form_id = positive ? &id : nullptr;
    std::string typed;
    for (const Token& token : span.tokens)
      if (token.kind != Token::Kind::kPart) typed += (typed.empty() ? "" : " ") + token.text;
    std::vector<std::string> words;
    for (const Unit& unit : units_of(span.tokens)) {
      for (const Token& word : unit.parts.empty() ? std::vector<Token>{unit.head} : unit.parts) {
        words.push_back(word.text);
        if (form_id != nullptr && !analysis::is_stopword(word.text)) note_word(word.text, typed, id, "exact");
      }
      if (form_id != nullptr && !unit.parts.empty()) note_word(unit.head.text, typed, id, "exact");
    }
    auto exact = phrase_of_words(words, false);
    if (!exact) return std::nullopt;
    SpanForms forms{*exact, {}};
    std::set<std::string> used{typed};
    Token query;
    query.text = typed;
    for (const analysis::LexiconEntry& alias : span.match.aliases)
      add_entry(alias, "alias", query, false, form_id, used, forms.others);
    add_topics(span.match.topics, span.match.topic_terms, query, false, form_id, used, forms.others);
    return forms;
  }

  /// The context of an ambiguous name one of whose forms a term is.
  struct AmbiguousForm {
    std::vector<analysis::LexiconEntry> words;  ///< Lexicon::context_of
    std::vector<std::string> names;             ///< Lexicon::context_names
  };

  /// `group` (a word's or span's query, whose forms are `forms`) with the
  /// documents scaled by kWithoutContextWeight that match it only through
  /// forms of an ambiguous name (Lexicon::context_of) and carry neither
  /// another of its forms nor a word of the name's context. Unchanged when
  /// no form is ambiguous.
  ///
  /// Outside a title, the context words are the indexer's context term
  /// (schema::kNameContextPrefix), one posting list: the words of a
  /// context in three scripts make some fifty terms. A title-only word
  /// keeps the words, as title terms.
  ///
  /// Shape: OP_AND_MAYBE(group, group in context scaled by
  /// (1 - w) / w), all scaled by w = kWithoutContextWeight: the same
  /// weights as OP_OR(in context, AND_NOT scaled by w), but the context is
  /// tested once per candidate, not twice, and only for candidates that
  /// could still reach the top: on a million articles "Assad Putin talks"
  /// took 26-29 ms instead of 57, with the same ten hits. The
  /// scale is outside: Xapian 1.4.22 reads uninitialised memory for an
  /// AND_MAYBE whose left side is scaled when it sits in the right side of
  /// an AND_NOT (a span's other names), and ranks by whatever it finds.
  Xapian::Query with_context(Xapian::Query group, const std::vector<Xapian::Query>& forms, bool title) {
    std::vector<Xapian::Query> evidence;
    std::vector<const AmbiguousForm*> contexts;
    for (const Xapian::Query& form : forms) {
      const auto* context = form.get_type() == Xapian::Query::LEAF_TERM
                                ? find_context(*form.get_terms_begin())
                                : nullptr;
      if (context == nullptr) {
        evidence.push_back(form);
      } else if (std::find(contexts.begin(), contexts.end(), context) == contexts.end()) {
        contexts.push_back(context);
      }
    }
    if (contexts.empty()) return group;
    std::set<std::string> used;
    for (const Xapian::Query& form : evidence)
      if (form.get_type() == Xapian::Query::LEAF_TERM) used.insert(*form.get_terms_begin());
    Token none;
    for (const AmbiguousForm* context : contexts) {
      if (title) {
        for (const analysis::LexiconEntry& entry : context->words)
          add_entry(entry, "context", none, title, nullptr, used, evidence);
        continue;
      }
      for (const std::string& name : context->names) {
        std::string term = std::string(schema::kNameContextPrefix) + name;
        if (fits(term) && used.insert(term).second) evidence.emplace_back(std::move(term));
      }
    }
    if (evidence.empty()) return group;
    const Xapian::Query in_context(Xapian::Query::OP_OR, evidence.begin(), evidence.end());
    const Xapian::Query rest_in_context(Xapian::Query::OP_SCALE_WEIGHT,
                                        Xapian::Query(Xapian::Query::OP_FILTER, group, in_context),
                                        (1.0 - kWithoutContextWeight) / kWithoutContextWeight);
    return Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT,
                         Xapian::Query(Xapian::Query::OP_AND_MAYBE, group, rest_in_context),
                         kWithoutContextWeight);
  }

  const AmbiguousForm* find_context(const std::string& term) const {
    const auto it = ambiguous_terms_.find(term);
    return it == ambiguous_terms_.end() ? nullptr : &it->second;
  }

  /// Remembers `term` as a form of an ambiguous name when the lexicon
  /// declares `word` (or `stem`, else the word's own stem) ambiguous.
  void note_if_ambiguous(const std::string& term, const std::string& word, const std::string& stem) {
    if (!expansion_.lexicon || ambiguous_terms_.count(term) != 0) return;
    Token token;
    token.text = word;
    token.stem = stem.empty() && !word.empty() ? stem_of(word) : stem;
    AmbiguousForm form{analysis::Lexicon::shared().context_of(token),
                       analysis::Lexicon::shared().context_names(token)};
    if (!form.words.empty()) ambiguous_terms_.emplace(term, std::move(form));
  }

  std::vector<analysis::LexiconEntry> aliases_of(const Token& token) const {
    if (!expansion_.lexicon) return {};
    return analysis::Lexicon::shared().aliases_of(token);
  }

  /// Words of the database that spell `unit` in another way, found through
  /// the name-key dictionary. Only for a word that is a name: written as one
  /// in the query, Arabic (which has no capitals), or filed by the index as
  /// a name somewhere. A word the alias table puts in another group than
  /// the query word's is left out: the table knows they differ.
  std::vector<std::string> name_variants(const Unit& unit, std::string_view typed,
                                         const std::vector<analysis::LexiconEntry>& aliases) const {
    if (expansion_.names == nullptr) return {};
    const Token& token = unit.head;
    const analysis::NameKeys keys = analysis::name_keys(token.text);
    if (keys.keys.empty()) return {};
    bool named = typed_as_name(token, typed);
    for (const Token& part : unit.parts) named = named || typed_as_name(part, typed);
    if (token.script == analysis::Script::kArabic)
      named = letters_in(token.text) >= kMinimumArabicNameLetters && !analysis::is_stopword(token.text);

    std::unordered_set<std::string> own{token.text};
    for (const Token& part : unit.parts) own.insert(part.text);
    std::unordered_set<std::string> alias_words;
    for (const analysis::LexiconEntry& alias : aliases)
      if (alias.words.size() == 1) alias_words.insert(alias.words.front());

    bool listed = false;
    std::unordered_set<std::string> seen;
    std::vector<std::string> variants;
    for (const std::string& skeleton : skeletons_of(keys)) {
      const std::string key = std::string(schema::kNameKeyPrefix) + skeleton;
      std::size_t examined = 0;
      for (auto it = expansion_.names->synonyms_begin(key);
           it != expansion_.names->synonyms_end(key) && examined < kMaxListedExamined; ++it, ++examined) {
        std::string candidate = *it;
        if (own.count(candidate) != 0) {
          listed = true;
          continue;
        }
        if (!seen.insert(candidate).second) continue;
        if (!analysis::same_name(keys, analysis::name_keys(candidate))) continue;
        if (!aliases.empty() && alias_words.count(candidate) == 0 && has_aliases(candidate)) continue;
        if (!aliases.empty() && !agrees_with_aliases(candidate, token, aliases)) continue;
        variants.push_back(std::move(candidate));
      }
    }
    if (!named && !listed) return {};
    if (variants.size() > kMaxNameVariants) variants.resize(kMaxNameVariants);
    return variants;
  }

  bool has_aliases(const std::string& word) const {
    Token token;
    token.text = word;
    return !analysis::Lexicon::shared().aliases_of(token).empty();
  }

  /// Adds one document word as a form of `query` (unless already there).
  void add_word_form(const std::string& word, const std::string& route, const Token& query, bool title,
                     const std::size_t* id, std::set<std::string>& used, std::vector<Xapian::Query>& out) {
    const std::string term = prefixed_word(word, title);
    if (!fits(term) || !used.insert(term).second) return;
    out.emplace_back(term);
    if (route != "context") note_if_ambiguous(term, word, "");
    if (id != nullptr) note_word(word, query.text, *id, route);
  }

  /// Adds a lexicon entry: one word with its stem (none for a Latin name),
  /// or a phrase of several.
  void add_entry(const analysis::LexiconEntry& entry, const std::string& route, const Token& query,
                 bool title, const std::size_t* id, std::set<std::string>& used,
                 std::vector<Xapian::Query>& out) {
    if (entry.words.empty()) return;
    if (entry.words.size() == 1) {
      add_word_form(entry.words.front(), route, query, title, id, used, out);
      const std::string& stem = entry.stems.empty() ? std::string() : entry.stems.front();
      if (stem.empty() || is_latin_name(entry.original)) return;
      const std::string& member = entry.words.front();
      const bool case_forms_only = route == "alias" && takes_case_forms_only(member);
      // A short stem of a name reaches common words (حماه -> حما: حماية).
      if (route == "alias" && !case_forms_only && letters_in(stem) < kMinimumAliasStemLetters) return;
      const std::vector<std::string> forms =
          case_forms_only ? case_form_terms(member, stem, title) : stem_terms(stem, title);
      std::vector<std::string> added;
      for (const std::string& term : forms) {
        if (!used.insert(term).second) continue;
        out.emplace_back(term);
        if (route != "context") note_if_ambiguous(term, "", stem);
        added.push_back(term);
      }
      if (!added.empty() && id != nullptr) note_stem_forms(stem, case_forms_only, added, title, query.text, *id, route);
      return;
    }
    std::string joined;
    for (const std::string& word : entry.words) joined += joined.empty() ? word : " " + word;
    if (!used.insert(joined).second) return;
    if (auto phrase = phrase_of_words(entry.words, title)) {
      out.push_back(std::move(*phrase));
      if (id != nullptr)
        for (const std::string& word : entry.words)
          if (!analysis::is_stopword(word)) note_word(word, query.text, *id, route);
    }
  }

  /// Adds the topic expansion of a query word or span: the topics'
  /// mention terms (schema::kTopicMentionPrefix), one posting list each,
  /// where the index has them. The equivalents are still noted as forms of
  /// the query word, for highlighting and --explain. A title-only word
  /// keeps the equivalents themselves, as title terms.
  void add_topics(const std::vector<std::string>& topics, const std::vector<analysis::LexiconEntry>& equivalents,
                  const Token& query, bool title, const std::size_t* id, std::set<std::string>& used,
                  std::vector<Xapian::Query>& out) {
    if (title || topics.empty()) {
      for (const analysis::LexiconEntry& entry : equivalents) add_entry(entry, "topic", query, title, id, used, out);
      return;
    }
    std::vector<Xapian::Query> forms_only;
    for (const analysis::LexiconEntry& entry : equivalents)
      add_entry(entry, "topic", query, false, id, used, forms_only);
    for (const std::string& topic : topics) {
      std::string term(indexer::schema::kTopicMentionPrefix);
      term += topic;
      if (used.insert(term).second) out.emplace_back(term);
    }
  }

  void note_query_word(std::size_t id, const std::string& query_word) {
    if (forms_.query_words.size() <= id) forms_.query_words.resize(id + 1);
    if (forms_.query_words[id].empty()) forms_.query_words[id] = query_word;
  }

  void note_word(const std::string& word, const std::string& query_word, std::size_t id,
                 const std::string& route) {
    note_query_word(id, query_word);
    if (forms_.words.emplace(word, id).second) forms_.word_routes.emplace(word, route);
  }

  void note_stem(const std::string& stem, const std::string& query_word, std::size_t id,
                 const std::string& route) {
    note_query_word(id, query_word);
    if (forms_.stems.emplace(stem, id).second) forms_.stem_routes.emplace(stem, route);
  }

  /// The terms of the words with stem `stem`: the stem as a word (a word
  /// that is its own stem is not listed) and the words the stem dictionary
  /// lists under it (schema.h); title terms for a title search. Only those
  /// that fit in a term.
  std::vector<std::string> stem_terms(const std::string& stem, bool title) const {
    std::vector<std::string> terms;
    const auto keep = [&](const std::string& word) {
      std::string term = prefixed_word(word, title);
      if (fits(term)) terms.push_back(std::move(term));
    };
    keep(stem);
    if (expansion_.stems == nullptr) return terms;
    const std::string key = std::string(schema::kStemPrefix) + stem;
    for (auto word = expansion_.stems->synonyms_begin(key); word != expansion_.stems->synonyms_end(key); ++word)
      keep(*word);
    return terms;
  }

  /// True if a name `word` takes only the words of its stem that could be
  /// its case forms: a Russian one, when there is a stem dictionary to take
  /// words from. Snowball's Russian stems join names to unrelated words
  /// (сирия and сирый stem to сир); Arabic and English names keep theirs.
  bool takes_case_forms_only(std::string_view word) const {
    return expansion_.stems != nullptr && script_of_word(word) == analysis::Script::kCyrillic;
  }

  /// stem_terms() of the name `word`, without the words that could not be
  /// its case forms (could_be_case_forms): "Сирия" reaches "сирии", not
  /// "сирые" ("orphaned").
  std::vector<std::string> case_form_terms(std::string_view word, const std::string& stem, bool title) const {
    std::vector<std::string> terms = stem_terms(stem, title);
    const std::size_t prefix = title ? schema::kTitlePrefix.size() : 0;
    std::erase_if(terms, [&](const std::string& term) {
      return !could_be_case_forms(std::string_view(term).substr(prefix), word);
    });
    return terms;
  }

  /// Notes the forms a stem brought to query word `id`, for snippets: the
  /// stem itself (every word of it matches), or for a name that takes only
  /// its case forms, those words one by one.
  void note_stem_forms(const std::string& stem, bool case_forms_only, const std::vector<std::string>& terms,
                       bool title, const std::string& query_word, std::size_t id, const std::string& route) {
    if (!case_forms_only) return note_stem(stem, query_word, id, route);
    const std::size_t prefix = title ? schema::kTitlePrefix.size() : 0;
    for (const std::string& term : terms) note_word(term.substr(prefix), query_word, id, route);
  }

  static std::string prefixed_word(const std::string& text, bool title) {
    return title ? std::string(schema::kTitlePrefix) + text : text;
  }

  bool relax_;
  bool keep_stopwords_;
  Expansion expansion_;
  TermForms forms_;
  std::size_t next_id_ = 0;
  /// Terms that are forms of an ambiguous name, with the name's context.
  std::unordered_map<std::string, AmbiguousForm> ambiguous_terms_;
};

/// True if some positive free word is not a stopword, or there is a phrase:
/// then stopwords are noise. A query of stopwords alone keeps them.
bool has_content(const QueryNode& node) {
  switch (node.kind) {
    case Kind::kPhrase:
      return true;
    case Kind::kWord:
      for (const Token& token : analysis::news_analyzer().analyze(node.text))
        if (!analysis::is_stopword(token.text)) return true;
      return false;
    case Kind::kAnd:
    case Kind::kOr:
      for (const QueryNode& child : node.children)
        if (has_content(child)) return true;
      return false;
    case Kind::kExclude:
    case Kind::kLang:
    case Kind::kSource:
      return false;
  }
  return false;
}

/// "YYYY-MM-DD" -> "YYYYMMDD", the form of schema::kValueDate.
std::string date_value(const std::string& date, const char* option) {
  const bool valid = date.size() == 10 && date[4] == '-' && date[7] == '-' &&
                     std::all_of(date.begin(), date.end(), [](char c) {
                       return c == '-' || (c >= '0' && c <= '9');
                     });
  if (!valid)
    throw UsageError(std::string("invalid ") + option + " date \"" + date + "\": expected YYYY-MM-DD");
  return date.substr(0, 4) + date.substr(5, 2) + date.substr(8, 2);
}

}  // namespace

BuiltQuery build_query(const QueryNode& root, bool relax, const Expansion& expansion) {
  return Builder(relax, !has_content(root), expansion).build(root);
}

Expansion expansion_for(const SearchOptions& options, const Xapian::Database& db) {
  if (options.exact_script) return Expansion{false, nullptr, &db};
  return Expansion{true, &db, &db};
}

Xapian::Query apply_options(Xapian::Query query, const SearchOptions& options) {
  if (query.empty()) return query;
  if (!options.languages.empty()) {
    std::vector<Xapian::Query> langs;
    for (const std::string& lang : options.languages) {
      if (lang != "en" && lang != "ru" && lang != "ar")
        throw UsageError("unknown language \"" + lang + "\": expected en, ru or ar");
      langs.emplace_back(std::string(schema::kLangPrefix) + lang);
    }
    query = Xapian::Query(Xapian::Query::OP_FILTER, query,
                          Xapian::Query(Xapian::Query::OP_OR, langs.begin(), langs.end()));
  }
  if (!options.topics.empty()) {
    // Tags the indexer added (T + topic); a misspelt topic would silently
    // match nothing, so it is refused with the list of known ones.
    const std::vector<std::string> known = analysis::Lexicon::shared().topic_names();
    std::vector<Xapian::Query> topics;
    for (const std::string& topic : options.topics) {
      if (std::find(known.begin(), known.end(), topic) == known.end()) {
        std::string names;
        for (const std::string& name : known) names += (names.empty() ? "" : ", ") + name;
        throw UsageError("unknown topic \"" + topic + "\": expected one of " + names);
      }
      topics.emplace_back(std::string(schema::kTopicPrefix) + topic);
    }
    query = Xapian::Query(Xapian::Query::OP_FILTER, query,
                          Xapian::Query(Xapian::Query::OP_OR, topics.begin(), topics.end()));
  }
  if (!options.since.empty() || !options.until.empty()) {
    Xapian::Query range;
    if (options.until.empty()) {
      range = Xapian::Query(Xapian::Query::OP_VALUE_GE, schema::kValueDate,
                            date_value(options.since, "since"));
    } else if (options.since.empty()) {
      range = Xapian::Query(Xapian::Query::OP_VALUE_LE, schema::kValueDate,
                            date_value(options.until, "until"));
    } else {
      range = Xapian::Query(Xapian::Query::OP_VALUE_RANGE, schema::kValueDate,
                            date_value(options.since, "since"), date_value(options.until, "until"));
    }
    query = Xapian::Query(Xapian::Query::OP_FILTER, query, range);
  }
  return query;
}

}  // namespace akhbar::query::detail
