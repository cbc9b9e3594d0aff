// Final checks shared by the readers, so every format gives the same
// guarantees: valid UTF-8, bounded size, a non-empty id.
#include "finish_article.h"

#include "article_id.h"
#include "paragraphs.h"
#include "utf8.h"

namespace akhbar::corpus::detail {

bool finish_article(Article& article, const ReaderOptions& options, RecordProblems& problems,
                    std::size_t earlier_replacements) {
  std::size_t replaced = earlier_replacements;
  for (std::string* field : {&article.id, &article.url, &article.title, &article.author,
                             &article.published, &article.lang, &article.source}) {
    replaced += repair_utf8(*field);
  }
  for (std::string& paragraph : article.paragraphs) replaced += repair_utf8(paragraph);
  repair_utf8(article.origin_file);  // a file name is not content: no warning
  if (replaced > 0) {
    problems.warning("invalid UTF-8: " + std::to_string(replaced) +
                     (replaced == 1 ? " sequence" : " sequences") + " replaced with U+FFFD");
  }

  if (cap_paragraphs(article.paragraphs, options.max_article_bytes)) {
    problems.warning("article capped at " + std::to_string(options.max_article_bytes) + " bytes");
  }
  if (article.paragraphs.empty()) {
    problems.error("article has no body text, skipped");
    return false;
  }

  if (article.id.empty()) {
    article.id = article.url.empty() ? id_from_content(article.title, article.body())
                                     : id_from_url(article.url);
  }
  return true;
}

}  // namespace akhbar::corpus::detail
