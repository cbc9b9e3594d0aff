// akhbar_build_resources: compiles the data files akhbar ships from the
// installed Debian packages, at build time.
//
//   akhbar_build_resources --out DIR --iso-codes JSON RU.mo AR.mo --dictd DIR
//
// writes DIR/gazetteer.tsv and DIR/translations.tsv and prints what it kept.
// Exit code 0 on success, 2 on a usage error, 1 when an input is missing or
// unreadable (the message names it and the package that provides it).
#include <iostream>
#include <string>
#include <vector>

#include "akhbar/error.h"
#include "gazetteer_builder.h"
#include "resource_format.h"
#include "translations_builder.h"

namespace {

using namespace akhbar::resources;

constexpr const char* kUsage =
    "usage: akhbar_build_resources --out DIR --iso-codes ISO_3166-1.json RU.mo AR.mo --dictd DIR\n";

DictdFiles dictd(const std::string& dir, const std::string& name) {
  return {dir + "/" + name + ".index", dir + "/" + name + ".dict.dz"};
}

}  // namespace

int main(int argc, char** argv) {
  const std::vector<std::string> args(argv + 1, argv + argc);
  std::string out, dictd_dir;
  IsoCodesFiles iso;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const auto value = [&](std::size_t count) {
      if (i + count >= args.size()) {
        std::cerr << kUsage;
        std::exit(2);
      }
    };
    if (args[i] == "--out") {
      value(1);
      out = args[++i];
    } else if (args[i] == "--iso-codes") {
      value(3);
      iso = {args[i + 1], args[i + 2], args[i + 3]};
      i += 3;
    } else if (args[i] == "--dictd") {
      value(1);
      dictd_dir = args[++i];
    } else {
      std::cerr << "akhbar_build_resources: unknown argument \"" << args[i] << "\"\n" << kUsage;
      return 2;
    }
  }
  if (out.empty() || dictd_dir.empty() || iso.countries.empty()) {
    std::cerr << kUsage;
    return 2;
  }
  try {
    namespace detail = akhbar::analysis::detail;
    const GazetteerCounts places = build_gazetteer(iso, out + "/" + std::string(detail::kGazetteerFileName));
    std::cout << "gazetteer: " << places.groups << " places (" << places.countries << " countries and territories, "
              << places.regions << " world regions, " << places.cities << " cities), " << places.names
              << " names; " << places.dropped << " names refused\n";
    const DictionaryFiles dictionaries{dictd(dictd_dir, "mueller7"), dictd(dictd_dir, "freedict-eng-rus"),
                                       dictd(dictd_dir, "freedict-eng-ara"), dictd(dictd_dir, "freedict-ara-eng")};
    const TranslationCounts words =
        build_translations(dictionaries, out + "/" + std::string(detail::kTranslationsFileName));
    std::cout << "translations:";
    for (const auto& [direction, count] : words.words)
      std::cout << " " << direction << " " << count << " words/" << words.pairs.at(direction) << " pairs;";
    std::cout << " refused " << words.ambiguous << " ambiguous and " << words.unusable << " unusable candidates\n";
  } catch (const akhbar::Error& error) {
    std::cerr << "akhbar_build_resources: " << error.what()
              << "\n(the resources are read from Debian's iso-codes, mueller7-dict, dict-freedict-eng-rus, "
                 "dict-freedict-eng-ara and dict-freedict-ara-eng packages: scripts/install-deps.sh installs them)\n";
    return 1;
  }
  return 0;
}
