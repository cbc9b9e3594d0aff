// akhbar: command-line entry point.
#include <CLI/CLI.hpp>
#include <iostream>

#include "akhbar/error.h"
#include "akhbar/version.h"

int main(int argc, char** argv) {
  CLI::App app{"akhbar: search news in Russian, English and Arabic"};
  app.set_version_flag("--version", std::string("akhbar ") + akhbar::version_string());
  CLI11_PARSE(app, argc, argv);
  return 0;
}
