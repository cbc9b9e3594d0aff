// Problem counting and delivery, and the one text form of a Problem.
#include "problem_sink.h"

namespace akhbar::corpus {

std::string Problem::to_string() const {
  std::string out = file;
  if (line > 0) out += ":" + std::to_string(line);
  out += severity == Severity::kError ? ": error: " : ": warning: ";
  out += message;
  return out;
}

namespace detail {

void ProblemSink::report(Problem::Severity severity, const std::string& file, std::uint64_t line,
                         std::string message) {
  if (severity == Problem::Severity::kError) {
    ++stats_.errors;
  } else {
    ++stats_.warnings;
  }
  if (handler_) handler_(Problem{severity, file, line, std::move(message)});
}

}  // namespace detail
}  // namespace akhbar::corpus
