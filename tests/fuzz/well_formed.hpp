#pragma once
// Shared by the fuzz targets: what doc2kg writes must parse, whatever it read.
#include <libxml/parser.h>
#include <rapidjson/document.h>

#include <cstdlib>
#include <sstream>

#include "doc2kg/writer.hpp"

// Aborts (a finding) unless the graph's GraphML is XML and its JSON-LD is JSON.
inline void check_writers(const doc2kg::KnowledgeGraph& g) {
  std::ostringstream graphml, jsonld;
  doc2kg::write_graphml(g, graphml);
  doc2kg::write_jsonld(g, jsonld);
  std::string x = graphml.str();
  xmlDocPtr d =
      xmlReadMemory(x.data(), static_cast<int>(x.size()), "f.graphml", nullptr, XML_PARSE_NONET | XML_PARSE_NOERROR);
  if (!d) std::abort();
  xmlFreeDoc(d);
  rapidjson::Document j;
  std::string js = jsonld.str();
  j.Parse(js.c_str(), js.size());
  if (j.HasParseError()) std::abort();
}
