// Fuzzes the query language: any text through parse_query(), then
// build_query() as a search would (plain, relaxed, and with the lexicon's
// aliases and topics). Building needs no database. Neither may throw, and
// the root of a parsed query is always an AND.
#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz_check.h"
#include "query_builder.h"
#include "query_parser.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  namespace detail = akhbar::query::detail;
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const detail::ParsedQuery parsed = detail::parse_query(text);
  AKHBAR_FUZZ_CHECK(parsed.root.kind == detail::QueryNode::Kind::kAnd);
  const std::string rendered = detail::render(parsed);

  detail::Expansion lexicon;
  lexicon.lexicon = true;
  for (const bool relax : {false, true}) {
    const detail::BuiltQuery plain = detail::build_query(parsed.root, relax);
    const detail::BuiltQuery expanded = detail::build_query(parsed.root, relax, lexicon);
    (void)plain.query.get_description();
    (void)expanded.query.get_description();
  }
  return 0;
}
