// Article helpers shared by every reader.
#include "akhbar/corpus/article.h"

namespace akhbar::corpus {

std::string Article::body() const {
  std::string out;
  for (const auto& paragraph : paragraphs) {
    if (!out.empty()) out += "\n\n";
    out += paragraph;
  }
  return out;
}

}  // namespace akhbar::corpus
