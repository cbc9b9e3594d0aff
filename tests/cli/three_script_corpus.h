// A small corpus for the command-line tests of cross-script searching: one
// port and one air base, written about in English, Russian and Arabic, and
// one sanctions story. Each article says enough about its topic to be
// tagged with it.
#pragma once

#include <algorithm>
#include <string>
#include <vector>

namespace akhbar::cli_test {

inline constexpr char kThreeScriptCorpus[] =
    R"({"id": "cs-en-base", "title": "Russia keeps the naval base at Tartus", "lang": "en", )"
    R"("published": "2025-02-01", "body": "The airfield at Khmeimim and the naval base at Tartus )"
    R"(remain under Russian control. The garrison was reduced."})"
    "\n"
    R"({"id": "cs-en-sanctions", "title": "New sanctions over Tartus shipments", "lang": "en", )"
    R"("published": "2025-03-01", "body": "Brussels added an embargo on deliveries through Tartus. )"
    R"(The sanctions list grew again."})"
    "\n"
    R"({"id": "cs-ru-base", "title": "Россия сохранит базу в Тартусе", "lang": "ru", )"
    R"("published": "2025-04-01", "body": "Военно-морская база в Тартусе и авиабаза Хмеймим )"
    R"(остаются российскими."})"
    "\n"
    R"({"id": "cs-ar-base", "title": "القاعدة الروسية في طرطوس", "lang": "ar", )"
    R"("published": "2025-05-01", "body": "قاعدة بحرية روسية في طرطوس ومطار عسكري في حميميم."})"
    "\n";

/// `values` in ascending order, for comparing sets of ids.
inline std::vector<std::string> sorted(std::vector<std::string> values) {
  std::sort(values.begin(), values.end());
  return values;
}

}  // namespace akhbar::cli_test
