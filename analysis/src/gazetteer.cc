// Gazetteer: loads gazetteer.tsv (resource_format.h) and finds the groups of
// a word or a multi-word name.
//
// Invariants of Gazetteer::Impl:
//  1. Every name has at least one word and as many stems as words.
//  2. The lookup tables hold group indices in file order, each at most once
//     per key.
//  3. Stems shorter than kMinStemLetters are not indexed: short stems are
//     shared by unrelated words.
#include "akhbar/analysis/gazetteer.h"

#include <algorithm>
#include <unordered_map>
#include <utility>

#include "akhbar/error.h"
#include "akhbar/data_files.h"
#include "resource_format.h"

namespace akhbar::analysis {
namespace {

constexpr std::size_t kMinStemLetters = 3;

std::size_t code_points(std::string_view text) {
  std::size_t count = 0;
  for (char c : text)
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++count;
  return count;
}

void add_once(std::vector<std::size_t>& groups, std::size_t group) {
  if (groups.empty() || groups.back() != group) groups.push_back(group);
}

}  // namespace

struct Gazetteer::Impl {
  std::vector<GazetteerGroup> groups;
  std::unordered_map<std::string, std::vector<std::size_t>> by_word, by_stem, by_words;
  std::size_t names = 0;

  std::vector<const GazetteerGroup*> resolve(const std::vector<std::size_t>* a,
                                             const std::vector<std::size_t>* b = nullptr) const {
    std::vector<std::size_t> indices;
    if (a != nullptr) indices = *a;
    if (b != nullptr) indices.insert(indices.end(), b->begin(), b->end());
    std::sort(indices.begin(), indices.end());
    indices.erase(std::unique(indices.begin(), indices.end()), indices.end());
    std::vector<const GazetteerGroup*> found;
    for (std::size_t g : indices) found.push_back(&groups[g]);
    return found;
  }
};

Gazetteer::Gazetteer() : impl_(std::make_unique<Impl>()) {}
Gazetteer::~Gazetteer() = default;
Gazetteer::Gazetteer(Gazetteer&&) noexcept = default;
Gazetteer& Gazetteer::operator=(Gazetteer&&) noexcept = default;

Gazetteer Gazetteer::load(const std::string& path) {
  Gazetteer gazetteer;
  Impl& impl = *gazetteer.impl_;
  std::unordered_map<std::string, std::size_t> group_of_id;
  detail::for_each_resource_line(
      path, detail::kGazetteerKind, detail::kGazetteerFormat, detail::kGazetteerFields,
      [&](const std::vector<std::string_view>& fields, std::size_t line) {
        // GROUP FORM LANG WORDS STEMS NAME
        const std::string id(fields[0]);
        const std::string lang(fields[2]);
        if (id.empty() || fields[1].empty()) detail::resource_line_error(path, line, "empty group or form");
        if (lang != "en" && lang != "ru" && lang != "ar")
          detail::resource_line_error(path, line, "unknown language \"" + lang + "\": expected en, ru or ar");
        GazetteerName name;
        name.form = std::string(fields[1]);
        name.entry.lang = lang;
        name.entry.words = detail::split_words(fields[3]);
        name.entry.stems = detail::split_stems(fields[4]);
        name.entry.original = std::string(fields[5]);
        if (name.entry.words.empty()) detail::resource_line_error(path, line, "a name without words");
        if (name.entry.stems.size() != name.entry.words.size())
          detail::resource_line_error(path, line, "a name needs one stem (or \"-\") per word");
        const auto [it, added] = group_of_id.emplace(id, impl.groups.size());
        if (added) impl.groups.push_back(GazetteerGroup{id, {}});
        const std::size_t g = it->second;
        if (name.entry.words.size() == 1) {
          add_once(impl.by_word[name.entry.words[0]], g);
          if (code_points(name.entry.stems[0]) >= kMinStemLetters) add_once(impl.by_stem[name.entry.stems[0]], g);
        } else {
          add_once(impl.by_words[detail::join_words(name.entry.words)], g);
        }
        impl.groups[g].names.push_back(std::move(name));
        ++impl.names;
      });
  return gazetteer;
}

const Gazetteer& Gazetteer::shared() {
  // A static whose initialiser throws is initialised again by the next call.
  static const Gazetteer gazetteer = load(akhbar::data_path(detail::kGazetteerFileName));
  return gazetteer;
}

std::vector<const GazetteerGroup*> Gazetteer::groups_of(const Token& token) const {
  const auto word = impl_->by_word.find(token.text);
  const auto stem = code_points(token.stem) >= kMinStemLetters ? impl_->by_stem.find(token.stem) : impl_->by_stem.end();
  return impl_->resolve(word == impl_->by_word.end() ? nullptr : &word->second,
                        stem == impl_->by_stem.end() ? nullptr : &stem->second);
}

std::vector<const GazetteerGroup*> Gazetteer::groups_named(const std::vector<std::string>& words) const {
  if (words.size() == 1) {
    const auto it = impl_->by_word.find(words.front());
    return impl_->resolve(it == impl_->by_word.end() ? nullptr : &it->second);
  }
  const auto it = impl_->by_words.find(detail::join_words(words));
  return impl_->resolve(it == impl_->by_words.end() ? nullptr : &it->second);
}

std::size_t Gazetteer::group_count() const { return impl_->groups.size(); }
std::size_t Gazetteer::name_count() const { return impl_->names; }

}  // namespace akhbar::analysis
