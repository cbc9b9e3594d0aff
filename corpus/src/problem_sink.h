/// @file problem_sink.h
/// @brief Where the readers report bad input: counted, then passed on.
#pragma once

#include <cstdint>
#include <functional>
#include <string>

#include "akhbar/corpus/reader.h"

namespace akhbar::corpus::detail {

/// Counts each problem in ReaderStats and hands it to the user's handler.
/// The handler's exceptions pass through to the caller of the reader.
class ProblemSink {
 public:
  explicit ProblemSink(ReaderStats& stats) : stats_(stats) {}

  void set_handler(std::function<void(const Problem&)> handler) { handler_ = std::move(handler); }

  void report(Problem::Severity severity, const std::string& file, std::uint64_t line,
              std::string message);
  void error(const std::string& file, std::uint64_t line, std::string message) {
    report(Problem::Severity::kError, file, line, std::move(message));
  }
  void warning(const std::string& file, std::uint64_t line, std::string message) {
    report(Problem::Severity::kWarning, file, line, std::move(message));
  }

 private:
  ReaderStats& stats_;
  std::function<void(const Problem&)> handler_;
};

/// The problems of one record: a ProblemSink bound to a file and line.
class RecordProblems {
 public:
  RecordProblems(ProblemSink& sink, const std::string& file, std::uint64_t line)
      : sink_(sink), file_(file), line_(line) {}
  void error(std::string message) { sink_.error(file_, line_, std::move(message)); }
  void warning(std::string message) { sink_.warning(file_, line_, std::move(message)); }

 private:
  ProblemSink& sink_;
  const std::string& file_;
  std::uint64_t line_;
};

}  // namespace akhbar::corpus::detail
