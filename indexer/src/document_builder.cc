// Article -> Xapian::Document (schema.h). Called once per article of an
// indexing run, so it reuses its scratch term and token.
#include "document_builder.h"

#include <algorithm>
#include <cctype>
#include <utility>

#include "akhbar/analysis/cross_script.h"
#include "akhbar/analysis/lexicon.h"
#include "akhbar/error.h"
#include "akhbar/indexer/schema.h"
#include "content_hash.h"
#include "passages.h"

namespace akhbar::indexer::detail {
namespace {

namespace schema = akhbar::indexer::schema;

bool is_digits(std::string_view text) {
  return std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::string ascii_lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

/// Words filed in the name-key or stem dictionary that a builder remembers
/// (each); past this it forgets them all and files words again (add_synonym
/// is idempotent).
constexpr std::size_t kMaxRememberedWords = 1 << 20;
constexpr std::size_t kMinimumArabicNameLetters = 3;

std::size_t letters_in(std::string_view word) {
  std::size_t letters = 0;
  for (char byte : word)
    if ((static_cast<unsigned char>(byte) & 0xC0) != 0x80) ++letters;
  return letters;
}

/// True if only white space and opening punctuation lie between the previous
/// word and this one after the end of a sentence, or there is no previous
/// word: a capital there says nothing about a name.
bool opens_sentence(std::string_view text, std::size_t previous_end, std::size_t begin,
                    bool first) {
  if (first) return true;
  if (previous_end >= begin || begin > text.size()) return false;
  const std::string_view gap = text.substr(previous_end, begin - previous_end);
  return gap.find_first_of(".!?:\n") != std::string_view::npos;
}

/// Topic term occurrences an article needs to be tagged with the topic. On
/// the judged sample corpus, 2 tagged 90% correctly and found 80% of the
/// articles about a topic; 1 tagged passing mentions, 3 missed half.
constexpr std::size_t kTopicMinHits = 2;

std::uint64_t fnv1a(std::string_view text) {
  std::uint64_t hash = 14695981039346656037ull;
  for (const char c : text) {
    hash ^= static_cast<unsigned char>(c);
    hash *= 1099511628211ull;
  }
  return hash;
}

}  // namespace

std::string id_term(std::string_view id) {
  std::string term(schema::kIdPrefix);
  if (id.size() <= kMaxIdBytes) return term.append(id);
  std::size_t cut = kMaxIdBytes;
  while (cut > 0 && (static_cast<unsigned char>(id[cut]) & 0xC0) == 0x80) --cut;
  return term.append(id.substr(0, cut)).append("#").append(hash_hex(fnv1a(id)));
}

std::string date_value(std::string_view published) {
  if (published.size() != 10 || published[4] != '-' || published[7] != '-') return {};
  std::string date;
  date.append(published.substr(0, 4)).append(published.substr(5, 2)).append(published.substr(8, 2));
  return is_digits(date) ? date : std::string();
}

DocumentBuilder::DocumentBuilder(const analysis::Analyzer& analyzer, const IndexOptions& options)
    : analyzer_(analyzer),
      passage_min_words_(options.passage_min_words),
      passage_max_words_(std::max<std::size_t>(options.passage_max_words, 1)),
      keyed_words_(kMaxRememberedWords),
      stemmed_words_(kMaxRememberedWords) {}

void DocumentBuilder::note_name(const analysis::Token& token, bool starts_sentence,
                                bool is_title) {
  switch (token.script) {
    case analysis::Script::kLatin:
    case analysis::Script::kCyrillic:
      // Titles capitalise every word in English; sentence starts say nothing.
      if (is_title || !token.capitalised || starts_sentence) return;
      break;
    case analysis::Script::kArabic:
      if (letters_in(token.text) < kMinimumArabicNameLetters || analysis::is_stopword(token.text))
        return;
      break;
    case analysis::Script::kNumber:
    case analysis::Script::kOther:
      return;
  }
  if (token.text.size() > analysis::kMaxKeyedBytes) return;
  if (!keyed_words_.first_time(token.text)) return;
  const analysis::NameKeys keys = analysis::name_keys(token.text);
  std::vector<std::string> skeletons;
  for (const std::string& key : keys.keys) {
    std::string skeleton = analysis::key_skeleton(key);
    if (skeleton.empty() || std::find(skeletons.begin(), skeletons.end(), skeleton) != skeletons.end())
      continue;
    skeletons.push_back(skeleton);
    synonyms_.emplace_back(std::string(schema::kNameKeyPrefix) + skeleton, token.text);
  }
}

void DocumentBuilder::note_stem_form(const analysis::Token& token) {
  if (stemmed_words_.first_time(token.text))
    synonyms_.emplace_back(std::string(schema::kStemPrefix) + token.stem, token.text);
}

void DocumentBuilder::add_prefixed_term(Xapian::Document& document, std::string_view prefix,
                                        std::string_view word, Xapian::termcount wdf) {
  term_.assign(prefix).append(word);
  document.add_term(term_, wdf);
}

void DocumentBuilder::add_prefixed_posting(Xapian::Document& document, std::string_view prefix,
                                           std::string_view word, Xapian::termpos position) {
  term_.assign(prefix).append(word);
  document.add_posting(term_, position);
}

Xapian::termpos DocumentBuilder::index_text(Xapian::Document& document, std::string_view text,
                                            Xapian::termpos base, bool is_title) {
  Xapian::termpos end = base;
  const Xapian::termcount wdf = is_title ? schema::kTitleWdf : 1;
  auto stream = analyzer_.stream(text);
  // Sentence starts, for note_name(): parts of a compound follow it and
  // lie inside it, so only words and compounds move `previous_end`.
  bool first_word = true;
  bool compound_opens_sentence = false;
  std::size_t previous_end = 0;
  std::size_t compound_begin = 0;
  while (stream->next(token_)) {
    bool starts_sentence = false;
    if (token_.kind == analysis::Token::Kind::kPart) {
      starts_sentence = compound_opens_sentence && token_.begin == compound_begin;
    } else {
      starts_sentence = opens_sentence(text, previous_end, token_.begin, first_word);
      first_word = false;
      previous_end = token_.end;
      compound_begin = token_.begin;
      compound_opens_sentence = starts_sentence;
    }
    if (token_.text.empty() || token_.text.size() > schema::kMaxTermBytes) continue;
    note_name(token_, starts_sentence, is_title);
    article_tokens_.push_back(token_);
    const Xapian::termpos position = base + token_.position;
    // Stopwords keep their frequency but not their positions: a third of
    // all positions, which phrases do not need (schema.h).
    if (analysis::is_stopword(token_.text)) {
      document.add_term(token_.text, wdf);
      if (is_title) add_prefixed_term(document, schema::kTitlePrefix, token_.text, 1);
    } else {
      document.add_posting(token_.text, position, wdf);
      if (is_title) add_prefixed_posting(document, schema::kTitlePrefix, token_.text, position);
    }
    // No stem terms: the stem dictionary lists the word under its stem
    // once, and a search for the stem looks for its words (schema.h). A
    // word that is its own stem needs no entry: the searcher adds the stem.
    if (!token_.stem.empty() && token_.stem != token_.text && token_.stem.size() <= schema::kMaxTermBytes)
      note_stem_form(token_);
    end = std::max(end, position + 1);
    ++terms_added_;
  }
  return end;
}

std::optional<BuiltDocument> DocumentBuilder::build(const corpus::Article& article) {
  if (article.id.empty()) throw UsageError("an article must have an id to be indexed");
  terms_added_ = 0;
  synonyms_.clear();
  article_tokens_.clear();
  BuiltDocument built;
  Xapian::Document& document = built.document;

  // Positions: the title from 0, then each passage after a gap, so that no
  // phrase matches across the title and the body or across two passages.
  const Xapian::termpos title_end = index_text(document, article.title, 0, true);
  Xapian::termpos next_base = title_end == 0 ? 0 : title_end + schema::kPassagePositionGap;
  schema::StoredArticle stored;
  stored.passages = make_passages(article.paragraphs, passage_min_words_, passage_max_words_);
  for (const auto& passage : stored.passages) {
    const Xapian::termpos end = index_text(document, passage, next_base, false);
    if (end != next_base) next_base = end + schema::kPassagePositionGap;
  }
  if (terms_added_ == 0) return std::nullopt;

  stored.id = article.id;
  stored.url = article.url;
  stored.title = article.title;
  stored.author = article.author;
  stored.published = article.published;
  stored.source = article.source;
  stored.lang = ascii_lower(article.lang);
  if (stored.lang.empty()) {
    std::string text = article.title;
    text += "\n\n";
    text += article.body();
    stored.lang = analysis::detect_language(text);
  }

  built.id_term = id_term(article.id);
  document.add_boolean_term(built.id_term);
  if (!stored.lang.empty() && stored.lang.size() <= schema::kMaxTermBytes)
    add_prefixed_term(document, schema::kLangPrefix, stored.lang, 0);
  if (const std::string source = schema::source_key(article.source); !source.empty())
    add_prefixed_term(document, schema::kSourcePrefix, source, 0);
  const std::string date = date_value(article.published);
  if (!date.empty()) {
    add_prefixed_term(document, schema::kYearPrefix, std::string_view(date).substr(0, 4), 0);
    add_prefixed_term(document, schema::kMonthPrefix, std::string_view(date).substr(0, 6), 0);
    document.add_value(schema::kValueDate, date);
  }
  std::string topics;  // kValueTopics
  for (const analysis::TopicMentions& mentions : analysis::Lexicon::shared().topic_mentions(article_tokens_)) {
    add_prefixed_term(document, schema::kTopicMentionPrefix, mentions.topic,
                      static_cast<Xapian::termcount>(mentions.count));
    if (mentions.count < kTopicMinHits) continue;
    add_prefixed_term(document, schema::kTopicPrefix, mentions.topic, 0);
    topics.append(topics.empty() ? "" : " ").append(mentions.topic);
  }
  if (!topics.empty()) document.add_value(schema::kValueTopics, topics);
  for (const std::string& name : analysis::Lexicon::shared().contexts_in(article_tokens_))
    add_prefixed_term(document, schema::kNameContextPrefix, name, 0);
  document.add_value(schema::kValueArticle, article.id);
  document.add_value(schema::kValueHash, hash_hex(content_hash(article)));
  document.add_value(schema::kValuePassages,
                     Xapian::sortable_serialise(static_cast<double>(stored.passages.size())));

  built.passages = stored.passages.size();
  built.synonyms = std::move(synonyms_);
  synonyms_.clear();
  if (!dictionary_ && !training_failed_) {
    for (const std::string& passage : stored.passages) sample_bytes_ += passage.size();
    samples_.push_back(stored);
    if (sample_bytes_ >= sample_limit_) {
      dictionary_ = schema::TextDictionary::train(samples_);
      training_failed_ = !dictionary_;
      built.new_text_dictionary = dictionary_;
      samples_ = {};
    }
  }
  document.set_data(schema::encode_document_data(stored, dictionary_.get()));
  return built;
}

void DocumentBuilder::use_text_dictionary(std::shared_ptr<const schema::TextDictionary> dictionary) {
  dictionary_ = std::move(dictionary);
  samples_ = {};
}

}  // namespace akhbar::indexer::detail
