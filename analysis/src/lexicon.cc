// Lexicon: alias groups and the cross-language topic lexicon, read from plain
// text files (formats in analysis/data/aliases.txt and topics.txt). Every
// entry goes through news_analyzer(), so lookups compare exactly the
// normalised words and stems that the index and the query hold.
//
// Invariants of Lexicon::Impl:
//  1. Every entry has at least one word, and as many stems as words; a
//     compound (al-Sharaa) is one word, its parts are not listed.
//  2. An entry (by its words) is in at most one alias group; within a group
//     and within a topic no two entries have the same words.
//  3. The lookup tables refer to groups and topics by index and are rebuilt
//     after every file, so they always describe all that was loaded.
//  4. Stems shorter than kMinStemLetters never match: short stems (Arabic
//     ones especially) are shared by unrelated words.
#include "akhbar/analysis/lexicon.h"

#include <algorithm>
#include <fstream>
#include <map>
#include <optional>
#include <set>
#include <unordered_map>
#include <utility>

#include "akhbar/error.h"
#include "lexicon_files.h"

namespace akhbar::analysis {
namespace {

constexpr std::size_t kMinStemLetters = 3;
constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";
constexpr std::string_view kAmbiguousKeyword = "ambiguous:";

std::size_t code_points(std::string_view text) {
  return static_cast<std::size_t>(std::count_if(
      text.begin(), text.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

bool usable_stem(std::string_view stem) { return code_points(stem) >= kMinStemLetters; }

std::string_view trim(std::string_view text) {
  constexpr std::string_view kSpace = " \t\r\n\v\f";
  const auto first = text.find_first_not_of(kSpace);
  if (first == std::string_view::npos) return {};
  return text.substr(first, text.find_last_not_of(kSpace) - first + 1);
}

std::vector<std::string_view> split(std::string_view text, std::string_view separator) {
  std::vector<std::string_view> pieces;
  for (std::size_t start = 0;;) {
    const std::size_t at = text.find(separator, start);
    if (at == std::string_view::npos) {
      pieces.push_back(text.substr(start));
      return pieces;
    }
    pieces.push_back(text.substr(start, at - start));
    start = at + separator.size();
  }
}

[[noreturn]] void fail(const std::string& path, std::size_t line, const std::string& reason) {
  throw DataError(path + ":" + std::to_string(line) + ": " + reason);
}

/// Calls `visit(line, number)` for every line of the file, BOM and CR removed.
template <typename Visit>
void for_each_line(const std::string& path, Visit&& visit) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw IoError("cannot read lexicon file \"" + path + "\"");
  std::string line;
  for (std::size_t number = 1; std::getline(in, line); ++number) {
    std::string_view view = line;
    if (number == 1 && view.starts_with(kUtf8Bom)) view.remove_prefix(kUtf8Bom.size());
    if (view.ends_with('\r')) view.remove_suffix(1);
    visit(view, number);
  }
  if (in.bad()) throw IoError("error while reading lexicon file \"" + path + "\"");
}

/// The entry for `text`, or std::nullopt if it holds no word. `lang` empty:
/// taken from the script of the first word that has a language.
std::optional<LexiconEntry> analyse_entry(std::string_view text, std::string lang) {
  LexiconEntry entry;
  entry.original = std::string(text);
  for (const Token& token : news_analyzer().analyze(text)) {
    if (token.kind == Token::Kind::kPart) continue;
    entry.words.push_back(token.text);
    entry.stems.push_back(token.stem);
    if (lang.empty()) lang = std::string(language_of(token.script));
  }
  if (entry.words.empty()) return std::nullopt;
  entry.lang = std::move(lang);
  return entry;
}

std::string key_of(const LexiconEntry& entry) {
  std::string key;
  for (const std::string& word : entry.words) {
    if (!key.empty()) key.push_back(' ');
    key += word;
  }
  return key;
}

bool word_matches(const std::string& word, const std::string& stem, const Token& token) {
  return token.text == word || (usable_stem(stem) && stem == token.stem);
}

/// True if the entry is the token itself: one word, equal by text or stem.
bool is_token(const LexiconEntry& entry, const Token& token) {
  return entry.words.size() == 1 && word_matches(entry.words[0], entry.stems[0], token);
}

bool valid_topic_name(std::string_view name) {
  if (name.empty() || name.front() < 'a' || name.front() > 'z') return false;
  return std::all_of(name.begin(), name.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
  });
}

/// The tokens that are words as written: compound parts repeat their
/// compound's words, so runs of words and counts of mentions skip them.
std::vector<const Token*> heads_of(const std::vector<Token>& tokens) {
  std::vector<const Token*> heads;
  heads.reserve(tokens.size());
  for (const Token& token : tokens)
    if (token.kind != Token::Kind::kPart) heads.push_back(&token);
  return heads;
}

std::vector<std::string> sorted_unique(std::vector<std::string> names) {
  std::sort(names.begin(), names.end());
  names.erase(std::unique(names.begin(), names.end()), names.end());
  return names;
}

template <typename Map>
const typename Map::mapped_type* find_in(const Map& map, const std::string& key) {
  const auto it = map.find(key);
  return it == map.end() ? nullptr : &it->second;
}

}  // namespace

struct Lexicon::Impl {
  /// One topic term, by topic index (in topic_names order) and entry index.
  struct TermRef {
    std::size_t topic;
    std::size_t entry;
  };

  std::vector<std::vector<LexiconEntry>> groups;
  std::unordered_map<std::string, std::size_t> group_of_member;  // key_of() -> group
  std::map<std::string, std::vector<LexiconEntry>> topics;       // sorted by name

  // Lookup tables (invariant 3).
  std::unordered_map<std::string, std::vector<std::size_t>> groups_by_word, groups_by_stem;
  std::vector<std::string> topic_names;
  std::vector<const std::vector<LexiconEntry>*> topic_entries;  // parallel to topic_names
  std::unordered_map<std::string, std::vector<TermRef>> terms_by_first_word, terms_by_first_stem;
  // Alias members of two words or more, by the word and the stem they open
  // with (TermRef::topic is then the group, TermRef::entry the member).
  std::unordered_map<std::string, std::vector<TermRef>> members_by_first_word, members_by_first_stem;

  /// Contexts of ambiguous names ("ambiguous:" lines), and the names by word
  /// and by stem. Not rebuilt: contexts are not shared between lines.
  std::vector<std::vector<LexiconEntry>> contexts;
  std::unordered_map<std::string, std::vector<std::size_t>> contexts_by_word, contexts_by_stem;
  /// The name of each context (parallel to `contexts`): its line's first
  /// name, normalised. Two lines that open with one name share it.
  std::vector<std::string> context_names;
  /// The context entries by the word and the stem they open with
  /// (TermRef::topic is then the context, TermRef::entry the entry).
  std::unordered_map<std::string, std::vector<TermRef>> context_entries_by_first_word,
      context_entries_by_first_stem;

  /// Adds the groups of one file. A line sharing a member with a group of an
  /// earlier file (the user's additions) extends that group.
  void load_aliases(const std::string& path) {
    std::unordered_map<std::string, std::size_t> line_of_member;  // this file only
    for_each_line(path, [&](std::string_view raw, std::size_t number) {
      const std::string_view line = trim(raw.substr(0, raw.find('#')));
      if (line.empty()) return;
      if (line.starts_with(kAmbiguousKeyword)) {
        load_ambiguous(path, number, line.substr(kAmbiguousKeyword.size()));
        return;
      }
      const auto members = split(line, " | ");
      if (members.size() < 2)
        fail(path, number, "an alias group needs at least two members separated by \" | \"");
      std::vector<LexiconEntry> group;
      std::set<std::string> keys;
      std::optional<std::size_t> extended;
      for (const std::string_view member_text : members) {
        const std::string_view text = trim(member_text);
        if (text.empty()) fail(path, number, "empty member in the alias group");
        if (text.find('|') != std::string_view::npos)
          fail(path, number, "members are separated by \" | \" (space, bar, space): \"" +
                                 std::string(text) + "\"");
        auto entry = analyse_entry(text, "");
        if (!entry) fail(path, number, "member \"" + std::string(text) + "\" has no word");
        std::string key = key_of(*entry);
        if (!keys.insert(key).second) continue;  // two spellings that normalise alike
        if (const auto* line_number = find_in(line_of_member, key))
          fail(path, number, "\"" + std::string(text) + "\" is already in the group on line " +
                                 std::to_string(*line_number));
        if (const auto* existing = find_in(group_of_member, key)) {
          if (extended && *extended != *existing)
            fail(path, number, "\"" + std::string(text) + "\" would join two existing alias groups");
          extended = *existing;
          continue;
        }
        group.push_back(std::move(*entry));
      }
      for (const std::string& key : keys) line_of_member.emplace(key, number);
      if (!extended && group.size() < 2)
        fail(path, number, "the members of the alias group are one word once normalised");
      const std::size_t target = extended ? *extended : groups.size();
      if (!extended) groups.emplace_back();
      for (LexiconEntry& entry : group) {
        group_of_member.emplace(key_of(entry), target);
        groups[target].push_back(std::move(entry));
      }
    });
  }

  /// One "ambiguous: NAME | NAME => CONTEXT | CONTEXT" line (after the
  /// keyword): the names must be single words; the context entries may be
  /// words or phrases.
  void load_ambiguous(const std::string& path, std::size_t number, std::string_view text) {
    const auto sides = split(text, "=>");
    if (sides.size() != 2)
      fail(path, number, "expected \"ambiguous: NAME | NAME => CONTEXT | CONTEXT\"");
    const auto entries_of = [&](std::string_view side, const char* what) {
      std::vector<LexiconEntry> entries;
      for (const std::string_view piece : split(trim(side), "|")) {
        const std::string_view entry_text = trim(piece);
        if (entry_text.empty()) fail(path, number, std::string("empty ") + what + " in the ambiguous line");
        auto entry = analyse_entry(entry_text, "");
        if (!entry) fail(path, number, std::string(what) + " \"" + std::string(entry_text) + "\" has no word");
        entries.push_back(std::move(*entry));
      }
      return entries;
    };
    const std::vector<LexiconEntry> names = entries_of(sides[0], "name");
    std::vector<LexiconEntry> context = entries_of(sides[1], "context");
    const std::size_t index = contexts.size();
    for (const LexiconEntry& name : names) {
      if (name.words.size() != 1)
        fail(path, number, "an ambiguous name is one word: \"" + name.original + "\"");
      add_group(contexts_by_word[name.words[0]], index);
      if (usable_stem(name.stems[0])) add_group(contexts_by_stem[name.stems[0]], index);
    }
    for (std::size_t e = 0; e < context.size(); ++e) {
      context_entries_by_first_word[context[e].words[0]].push_back({index, e});
      if (usable_stem(context[e].stems[0]))
        context_entries_by_first_stem[context[e].stems[0]].push_back({index, e});
    }
    context_names.push_back(names.front().words.front());
    contexts.push_back(std::move(context));
  }

  /// Adds the topic lines of one file. A TOPIC/LANG pair already loaded from
  /// an earlier file (the user's additions) gains the new terms.
  void load_topics(const std::string& path) {
    std::map<std::pair<std::string, std::string>, std::size_t> line_of_pair;  // this file only
    for_each_line(path, [&](std::string_view raw, std::size_t number) {
      if (trim(raw).empty() || trim(raw).starts_with('#')) return;
      const auto fields = split(raw, "\t");
      if (fields.size() != 3)
        fail(path, number, "expected TOPIC<TAB>LANG<TAB>terms, found " + std::to_string(fields.size()) +
                               " tab-separated field" + (fields.size() == 1 ? "" : "s"));
      const std::string topic(trim(fields[0]));
      const std::string lang(trim(fields[1]));
      if (!valid_topic_name(topic))
        fail(path, number, "topic name \"" + topic + "\" must be lower-case letters, digits, '-' or '_'");
      if (lang != "en" && lang != "ru" && lang != "ar")
        fail(path, number, "unknown language \"" + lang + "\": expected en, ru or ar");
      if (const auto [it, added] = line_of_pair.emplace(std::pair(topic, lang), number); !added)
        fail(path, number, "topic \"" + topic + "\" already has a \"" + lang + "\" line (line " +
                               std::to_string(it->second) + ")");
      std::vector<LexiconEntry>& entries = topics[topic];
      std::set<std::string> keys;
      for (const LexiconEntry& entry : entries) keys.insert(key_of(entry));
      for (const std::string_view term_text : split(fields[2], ",")) {
        const std::string_view text = trim(term_text);
        if (text.empty()) fail(path, number, "empty term in the list of \"" + topic + "\"");
        auto entry = analyse_entry(text, lang);
        if (!entry) fail(path, number, "term \"" + std::string(text) + "\" has no word");
        if (keys.insert(key_of(*entry)).second) entries.push_back(std::move(*entry));
      }
    });
  }

  void rebuild_lookups() {
    groups_by_word.clear();
    groups_by_stem.clear();
    members_by_first_word.clear();
    members_by_first_stem.clear();
    for (std::size_t g = 0; g < groups.size(); ++g) {
      for (std::size_t m = 0; m < groups[g].size(); ++m) {
        const LexiconEntry& member = groups[g][m];
        if (member.words.size() > 1) {
          members_by_first_word[member.words[0]].push_back({g, m});
          if (usable_stem(member.stems[0])) members_by_first_stem[member.stems[0]].push_back({g, m});
        }
        if (member.words.size() != 1) continue;
        add_group(groups_by_word[member.words[0]], g);
        if (usable_stem(member.stems[0])) add_group(groups_by_stem[member.stems[0]], g);
      }
    }
    topic_names.clear();
    topic_entries.clear();
    terms_by_first_word.clear();
    terms_by_first_stem.clear();
    for (const auto& [name, entries] : topics) {
      const std::size_t t = topic_names.size();
      topic_names.push_back(name);
      topic_entries.push_back(&entries);
      for (std::size_t e = 0; e < entries.size(); ++e) {
        terms_by_first_word[entries[e].words[0]].push_back({t, e});
        if (usable_stem(entries[e].stems[0])) terms_by_first_stem[entries[e].stems[0]].push_back({t, e});
      }
    }
  }

  using ListIndex = std::unordered_map<std::string, std::vector<std::size_t>>;

  /// The lists (alias groups, contexts) that `by_word` files the token's
  /// word under, else those `by_stem` files its stem under (null for none):
  /// by text first, so that a word that is itself a member never reaches
  /// lists that only share its stem (Hamas -> "hama" would reach Hama).
  static const std::vector<std::size_t>* lists_of(const ListIndex& by_word, const ListIndex& by_stem,
                                                  const Token& token) {
    const std::vector<std::size_t>* found = find_in(by_word, token.text);
    if (found == nullptr && usable_stem(token.stem)) found = find_in(by_stem, token.stem);
    return found;
  }

  /// The entries of the lists lists_of() finds for the token, each entry
  /// once; without the token itself when `skip_token`.
  static std::vector<LexiconEntry> entries_of(const ListIndex& by_word, const ListIndex& by_stem,
                                              const std::vector<std::vector<LexiconEntry>>& lists,
                                              const Token& token, bool skip_token) {
    const std::vector<std::size_t>* found = lists_of(by_word, by_stem, token);
    std::vector<LexiconEntry> entries;
    if (found == nullptr) return entries;
    std::set<std::string> seen;
    for (const std::size_t list : *found)
      for (const LexiconEntry& entry : lists[list])
        if (!(skip_token && is_token(entry, token)) && seen.insert(key_of(entry)).second) entries.push_back(entry);
    return entries;
  }

  static void add_group(std::vector<std::size_t>& list, std::size_t group) {
    if (list.empty() || list.back() != group) list.push_back(group);
  }

  const LexiconEntry& term(TermRef ref) const { return (*topic_entries[ref.topic])[ref.entry]; }
  const LexiconEntry& member(TermRef ref) const { return groups[ref.topic][ref.entry]; }

  /// True if the words from heads[i] on spell `entry` (by text or stem).
  static bool spells(const LexiconEntry& entry, const std::vector<const Token*>& heads, std::size_t i) {
    if (i + entry.words.size() > heads.size()) return false;
    for (std::size_t j = 0; j < entry.words.size(); ++j)
      if (!word_matches(entry.words[j], entry.stems[j], *heads[i + j])) return false;
    return true;
  }

  /// Length in words of the longest alias member or topic term of two words
  /// or more that starts at heads[i] (0 if none), with the groups and the
  /// topics that have one of that length there.
  std::size_t phrase_at(const std::vector<const Token*>& heads, std::size_t i, std::vector<std::size_t>& group_ids,
                        std::vector<std::size_t>& topic_ids) const {
    std::size_t best = 0;
    group_ids.clear();
    topic_ids.clear();
    const auto consider = [&](const std::vector<TermRef>* refs, bool alias) {
      if (refs == nullptr) return;
      for (const TermRef& ref : *refs) {
        const LexiconEntry& entry = alias ? member(ref) : term(ref);
        const std::size_t n = entry.words.size();
        if (n < 2 || n < best || !spells(entry, heads, i)) continue;
        if (n > best) {
          best = n;
          group_ids.clear();
          topic_ids.clear();
        }
        std::vector<std::size_t>& ids = alias ? group_ids : topic_ids;
        if (std::find(ids.begin(), ids.end(), ref.topic) == ids.end()) ids.push_back(ref.topic);
      }
    };
    const Token& head = *heads[i];
    consider(find_in(members_by_first_word, head.text), true);
    consider(find_in(terms_by_first_word, head.text), false);
    if (usable_stem(head.stem)) {
      consider(find_in(members_by_first_stem, head.stem), true);
      consider(find_in(terms_by_first_stem, head.stem), false);
    }
    return best;
  }

  /// Topics having `token` as a one-word term: by text if any, else by stem
  /// (so "hamas" never reaches what only its stem "hama" would).
  std::vector<std::size_t> topics_with_word(const Token& token) const {
    std::set<std::size_t> found;
    const auto collect = [&](const std::vector<TermRef>* refs) {
      if (refs == nullptr) return;
      for (const TermRef& ref : *refs)
        if (term(ref).words.size() == 1) found.insert(ref.topic);
    };
    collect(find_in(terms_by_first_word, token.text));
    if (found.empty() && usable_stem(token.stem)) collect(find_in(terms_by_first_stem, token.stem));
    return {found.begin(), found.end()};
  }

  /// Length in words of the topic term starting at heads[i] that matches,
  /// longest first, and the topics that have a term of that length there.
  std::size_t match_at(const std::vector<const Token*>& heads, std::size_t i,
                       std::vector<std::size_t>& matched_topics) const {
    std::size_t best = 0;
    matched_topics.clear();
    const auto consider = [&](const std::vector<TermRef>* refs) {
      if (refs == nullptr) return;
      for (const TermRef& ref : *refs) {
        const LexiconEntry& entry = term(ref);
        const std::size_t n = entry.words.size();
        if (n < best || i + n > heads.size()) continue;
        bool all = true;
        for (std::size_t j = 0; j < n && all; ++j)
          all = word_matches(entry.words[j], entry.stems[j], *heads[i + j]);
        if (!all) continue;
        if (n > best) {
          best = n;
          matched_topics.clear();
        }
        if (std::find(matched_topics.begin(), matched_topics.end(), ref.topic) == matched_topics.end())
          matched_topics.push_back(ref.topic);
      }
    };
    consider(find_in(terms_by_first_word, heads[i]->text));
    if (usable_stem(heads[i]->stem)) consider(find_in(terms_by_first_stem, heads[i]->stem));
    return best;
  }
};

Lexicon::Lexicon() : impl_(std::make_unique<Impl>()) {}
Lexicon::~Lexicon() = default;
Lexicon::Lexicon(Lexicon&&) noexcept = default;
Lexicon& Lexicon::operator=(Lexicon&&) noexcept = default;

Lexicon Lexicon::load(const std::string& aliases_path, const std::string& topics_path) {
  Lexicon lexicon;
  if (!aliases_path.empty()) lexicon.impl_->load_aliases(aliases_path);
  if (!topics_path.empty()) lexicon.impl_->load_topics(topics_path);
  lexicon.impl_->rebuild_lookups();
  return lexicon;
}

const Lexicon& Lexicon::shared() {
  static const Lexicon lexicon = [] {
    const detail::LexiconFiles files = detail::find_lexicon_files();
    Lexicon loaded;
    // Shipped files first, so that the user's lines extend their groups.
    for (const std::string* path : {&files.aliases, &files.user_aliases})
      if (!path->empty()) loaded.impl_->load_aliases(*path);
    for (const std::string* path : {&files.topics, &files.user_topics})
      if (!path->empty()) loaded.impl_->load_topics(*path);
    loaded.impl_->rebuild_lookups();
    return loaded;
  }();
  return lexicon;
}

std::vector<LexiconEntry> Lexicon::aliases_of(const Token& token) const {
  return Impl::entries_of(impl_->groups_by_word, impl_->groups_by_stem, impl_->groups, token, /*skip_token=*/true);
}

std::vector<LexiconEntry> Lexicon::topic_equivalents(const Token& token) const {
  std::vector<LexiconEntry> equivalents;
  std::set<std::string> seen;
  for (const std::size_t t : impl_->topics_with_word(token))
    for (const LexiconEntry& entry : *impl_->topic_entries[t])
      if (!is_token(entry, token) && seen.insert(key_of(entry)).second) equivalents.push_back(entry);
  return equivalents;
}

std::vector<LexiconMatch> Lexicon::find_phrases(const std::vector<Token>& tokens) const {
  // As in topics_of(), runs are made of heads: a compound is one word.
  std::vector<const Token*> heads;
  std::vector<std::size_t> index_of_head;
  for (std::size_t t = 0; t < tokens.size(); ++t) {
    if (tokens[t].kind == Token::Kind::kPart) continue;
    heads.push_back(&tokens[t]);
    index_of_head.push_back(t);
  }
  std::vector<LexiconMatch> matches;
  std::vector<std::size_t> group_ids, topic_ids;
  for (std::size_t i = 0; i < heads.size();) {
    const std::size_t n = impl_->phrase_at(heads, i, group_ids, topic_ids);
    if (n < 2) {
      ++i;
      continue;
    }
    LexiconMatch match;
    match.first = index_of_head[i];
    match.last = i + n < heads.size() ? index_of_head[i + n] : tokens.size();
    match.words = n;
    // The run itself is left out, but not a member it matches only through
    // stems: "военная база" is another form of a typed "военной базы".
    std::set<std::string> seen;
    const auto typed_as = [&](const LexiconEntry& entry) {
      if (entry.words.size() != n) return false;
      for (std::size_t j = 0; j < n; ++j)
        if (entry.words[j] != heads[i + j]->text) return false;
      return true;
    };
    const auto add = [&](const LexiconEntry& entry, std::vector<LexiconEntry>& out) {
      if (typed_as(entry)) return;
      if (seen.insert(key_of(entry)).second) out.push_back(entry);
    };
    for (const std::size_t g : group_ids)
      for (const LexiconEntry& entry : impl_->groups[g]) add(entry, match.aliases);
    for (const std::size_t t : topic_ids) {
      for (const LexiconEntry& entry : *impl_->topic_entries[t]) add(entry, match.topic_terms);
      match.topics.push_back(impl_->topic_names[t]);
    }
    std::sort(match.topics.begin(), match.topics.end());
    match.topics.erase(std::unique(match.topics.begin(), match.topics.end()), match.topics.end());
    matches.push_back(std::move(match));
    i += n;
  }
  return matches;
}

std::vector<LexiconEntry> Lexicon::context_of(const Token& token) const {
  return Impl::entries_of(impl_->contexts_by_word, impl_->contexts_by_stem, impl_->contexts, token,
                          /*skip_token=*/false);
}

std::vector<std::string> Lexicon::context_names(const Token& token) const {
  const std::vector<std::size_t>* found = Impl::lists_of(impl_->contexts_by_word, impl_->contexts_by_stem, token);
  std::vector<std::string> names;
  if (found != nullptr)
    for (const std::size_t c : *found) names.push_back(impl_->context_names[c]);
  return sorted_unique(std::move(names));
}

std::vector<std::string> Lexicon::contexts_in(const std::vector<Token>& tokens) const {
  const std::vector<const Token*> heads = heads_of(tokens);
  std::vector<bool> present(impl_->contexts.size(), false);
  const auto look = [&](const std::vector<Impl::TermRef>* refs, std::size_t i) {
    if (refs == nullptr) return;
    for (const Impl::TermRef& ref : *refs)
      if (!present[ref.topic] && Impl::spells(impl_->contexts[ref.topic][ref.entry], heads, i))
        present[ref.topic] = true;
  };
  for (std::size_t i = 0; i < heads.size(); ++i) {
    look(find_in(impl_->context_entries_by_first_word, heads[i]->text), i);
    if (usable_stem(heads[i]->stem)) look(find_in(impl_->context_entries_by_first_stem, heads[i]->stem), i);
  }
  std::vector<std::string> names;
  for (std::size_t c = 0; c < present.size(); ++c)
    if (present[c]) names.push_back(impl_->context_names[c]);
  return sorted_unique(std::move(names));
}

std::vector<std::string> Lexicon::topics_with_word(const Token& token) const {
  std::vector<std::string> names;
  for (const std::size_t t : impl_->topics_with_word(token)) names.push_back(impl_->topic_names[t]);
  return names;  // sorted: topic indices follow the sorted names
}

std::vector<std::string> Lexicon::topics_of(const std::vector<Token>& tokens, std::size_t min_hits) const {
  std::vector<std::string> names;
  const std::size_t needed = std::max<std::size_t>(min_hits, 1);
  for (TopicMentions& mentions : topic_mentions(tokens))
    if (mentions.count >= needed) names.push_back(std::move(mentions.topic));
  return names;
}

std::vector<TopicMentions> Lexicon::topic_mentions(const std::vector<Token>& tokens) const {
  // Only the heads count, so that positions in `heads` follow the words as written.
  const std::vector<const Token*> heads = heads_of(tokens);

  // A hit is one occurrence of a term; a multi-word term is one hit, and its
  // words are not counted again on their own ("naval base" is one).
  std::vector<std::size_t> hits(impl_->topic_names.size(), 0);
  std::vector<std::size_t> matched;
  for (std::size_t i = 0; i < heads.size();) {
    const std::size_t length = impl_->match_at(heads, i, matched);
    for (const std::size_t t : matched) ++hits[t];
    i += std::max<std::size_t>(length, 1);
  }
  std::vector<TopicMentions> mentions;
  for (std::size_t t = 0; t < hits.size(); ++t)
    if (hits[t] > 0) mentions.push_back({impl_->topic_names[t], hits[t]});
  return mentions;
}

std::vector<std::string> Lexicon::topic_names() const { return impl_->topic_names; }

}  // namespace akhbar::analysis
