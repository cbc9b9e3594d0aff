// is_stopword(): the commonest function words of English, Russian and Arabic.
//
// The lists hold normalised forms (see normalize_word): lower case, е for ё,
// Arabic without hamza on alef, ي for final ى, ه for ة. They are short on
// purpose: only words that carry no topic, so dropping them from a query
// never loses what the user asked for.
#include <string_view>
#include <unordered_set>
#include <vector>

#include "akhbar/analysis/analyzer.h"
#include "stopwords.h"

namespace akhbar::analysis {

namespace {

constexpr std::string_view kEnglish[] = {
    // articles, conjunctions
    "a", "an", "the", "and", "or", "but", "nor", "so", "yet", "if", "then", "than", "because",
    "as", "while", "whether", "though", "although", "unless", "since",
    // prepositions
    "of", "in", "on", "at", "to", "for", "from", "by", "with", "without", "about", "into",
    "onto", "over", "under", "after", "before", "between", "among", "against", "during",
    "through", "across", "within", "upon", "via", "per", "up", "down", "out", "off", "above",
    "below", "until", "toward", "towards",
    // pronouns and determiners
    "i", "me", "my", "we", "us", "our", "you", "your", "he", "him", "his", "she", "her", "it",
    "its", "they", "them", "their", "this", "that", "these", "those", "who", "whom", "whose",
    "which", "what", "there", "here", "each", "every", "any", "some", "all", "both", "such",
    "other", "another", "same", "own", "itself", "themselves", "himself", "herself",
    // auxiliaries and modals
    "be", "is", "are", "was", "were", "been", "being", "am", "have", "has", "had", "having",
    "do", "does", "did", "will", "would", "shall", "should", "can", "could", "may", "might",
    "must",
    // adverbs and particles
    "not", "no", "also", "only", "just", "very", "too", "more", "most", "when", "where", "why",
    "how", "now", "again", "once", "still", "even", "ever", "already",
};

constexpr std::string_view kRussian[] = {
    // союзы
    "и", "а", "но", "или", "да", "либо", "что", "чтобы", "чтоб", "как", "когда", "если", "хотя",
    "потому", "поэтому", "также", "тоже", "однако", "зато", "ли", "ни", "то", "тогда",
    // предлоги
    "в", "во", "на", "с", "со", "к", "ко", "по", "о", "об", "обо", "от", "ото", "из", "изо", "у",
    "за", "под", "над", "перед", "при", "про", "для", "до", "без", "через", "между", "после",
    "среди", "около", "вокруг", "против", "вместо", "кроме",
    // местоимения
    "я", "меня", "мне", "мной", "мы", "нас", "нам", "нами", "ты", "тебя", "тебе", "вы", "вас",
    "вам", "он", "его", "ему", "им", "нем", "она", "ее", "ей", "ней", "оно", "они", "их", "ими",
    "них", "ним", "нему", "него", "себя", "себе", "свой", "своя", "свое", "свои", "своих", "этот",
    "эта", "это", "эти", "этого", "этой", "этом", "этих", "тот", "та", "те", "того", "той",
    "том", "тех", "который", "которая", "которое", "которые", "которого", "которой", "которых",
    "кто", "чем", "чего", "весь", "вся", "все", "всех", "всего",
    // глаголы-связки и частицы
    "быть", "был", "была", "было", "были", "будет", "будут", "есть", "не", "же", "бы", "вот",
    "уже", "еще", "даже", "лишь", "только", "там", "тут", "здесь", "где", "так",
};

constexpr std::string_view kArabic[] = {
    // حروف الجر
    "في", "من", "الي", "علي", "عن", "مع", "منذ", "حتي", "لدي", "عند", "بين", "خلال", "حول",
    "نحو", "ضد", "دون", "عبر", "وفق", "امام", "بعد", "قبل", "تحت", "فوق",
    // أدوات
    "و", "ف", "ب", "ل", "ك", "ان", "او", "ام", "ثم", "بل", "لكن", "ولكن", "لا", "لم", "لن", "ما",
    "قد", "لقد", "اذا", "اذ", "الا", "اما", "كما", "مثل", "غير", "ليس", "ليست", "ايضا", "فقط",
    "كل", "بعض", "اي", "حيث", "عندما", "بينما", "كي", "لان", "هل",
    // ضمائر وأسماء إشارة وموصولات
    "هو", "هي", "هم", "هن", "هما", "انا", "نحن", "انت", "انتم", "هذا", "هذه", "ذلك", "تلك",
    "هؤلاء", "اولئك", "هنا", "هناك", "الذي", "التي", "الذين", "اللذين", "اللتين", "اللواتي",
    "انه", "انها", "انهم", "به", "بها", "له", "لها", "لهم", "منه", "منها", "منهم", "عليه",
    "عليها", "عليهم", "فيه", "فيها", "فيهم", "عنه", "عنها",
    // أفعال ناقصة وأدوات بحرف العطف
    "كان", "كانت", "كانوا", "يكون", "تكون", "وكان", "وكانت", "وفي", "ومن", "وعلي", "والي",
    "وان", "ولا", "وهو", "وهي", "وقد", "ولم", "وما", "وهذا", "وهذه",
};

}  // namespace

namespace detail {

std::vector<std::string_view> all_stopwords() {
  std::vector<std::string_view> words(std::begin(kEnglish), std::end(kEnglish));
  words.insert(words.end(), std::begin(kRussian), std::end(kRussian));
  words.insert(words.end(), std::begin(kArabic), std::end(kArabic));
  return words;
}

}  // namespace detail

bool is_stopword(std::string_view normalised_word) {
  static const std::unordered_set<std::string_view> stopwords = [] {
    const auto words = detail::all_stopwords();
    return std::unordered_set<std::string_view>(words.begin(), words.end());
  }();
  return stopwords.contains(normalised_word);
}

}  // namespace akhbar::analysis
