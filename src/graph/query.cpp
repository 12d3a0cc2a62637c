#include "doc2kg/query.hpp"

#include <rapidjson/ostreamwrapper.h>
#include <rapidjson/prettywriter.h>
#include <unicode/uchar.h>

#include <algorithm>
#include <boost/graph/breadth_first_search.hpp>
#include <charconv>
#include <cmath>
#include <functional>
#include <optional>
#include <set>
#include <sstream>

#include "base/text.hpp"
#include "doc2kg/error.hpp"
#include "document/ontology.hpp"
#include "graph/vocabulary.hpp"

namespace doc2kg {

namespace {

bool wanted(const std::vector<std::string>& list, const std::string& x) {
  // An empty list is no filter at all.
  return list.empty() || std::find(list.begin(), list.end(), x) != list.end();
}

// Whether an edge stated as `stated` answers for `asked`: the same relation or
// one of its sub-relations (leadingIndustry for hasIndustry), as the graph
// leaves out a hasIndustry fact that a more specific one states (pruning.hpp).
bool answers(const std::string& stated, const std::string& asked) {
  return stated == asked || super_property(stated) == asked;
}

bool relation_wanted(const QueryFilter& f, const std::string& relation) {
  // Unfiltered, `mentions` is left out: every entity has one per article, and
  // they would drown the facts.
  if (f.relations.empty()) return relation != "mentions";
  return std::any_of(f.relations.begin(), f.relations.end(),
                     [&](const std::string& r) { return answers(relation, r); });
}

std::string joined(const std::vector<std::string>& names) {
  std::string out;
  for (const auto& n : names) out += (out.empty() ? "" : ", ") + n;
  return out;
}

// A name the ontology does not have is still known when the graph holds it (a graph of other relations).
void check_relation(const KnowledgeGraph& graph, const std::string& relation) {
  if (is_relation(relation)) return;
  const Graph& g = graph.graph();
  for (auto [it, end] = boost::edges(g); it != end; ++it)
    if (g[*it].relation == relation) return;
  throw Error(ErrorKind::Usage, "unknown relation \"" + relation + "\" (known: " + joined(relation_names()) + ")");
}

// As check_relation: a typo is an error naming the known types, not an empty answer.
void check_type(const KnowledgeGraph& graph, const std::string& type) {
  if (is_entity_type(type)) return;
  const Graph& g = graph.graph();
  for (auto [it, end] = boost::vertices(g); it != end; ++it)
    if (g[*it].type == type) return;
  throw Error(ErrorKind::Usage, "unknown type \"" + type + "\" (known: " + joined(entity_types()) + ")");
}

// All of an edge's evidence in one cell, as a table has one row per edge.
std::string evidence_text(const EdgeData& e) {
  std::string out;
  for (const auto& ev : e.evidence)
    out += (out.empty() ? "" : " | ") + ev.article + ":" + std::to_string(ev.begin) + " " + ev.sentence + " [" +
           ev.rule + "]";
  return out;
}

}  // namespace

void check_filter(const KnowledgeGraph& graph, const QueryFilter& f) {
  for (const auto& r : f.relations) check_relation(graph, r);
  for (const auto& t : f.types) check_type(graph, t);
  for (const auto& [var, t] : f.variable_types) check_type(graph, t);
}

std::string describe(const NodeData& n) { return n.name + " (" + n.type + ")"; }

EntityIndex::EntityIndex(const KnowledgeGraph& graph) : graph_(graph) {
  const Graph& g = graph.graph();
  for (auto [it, end] = boost::vertices(g); it != end; ++it) {
    const NodeData& n = g[*it];
    // By name, key and every alias, so a query may name an entity as a text wrote it;
    // a multimap, as one name may belong to several nodes.
    by_name_.emplace(n.name, *it);
    if (n.key != n.name) by_name_.emplace(n.key, *it);
    for (const auto& a : n.aliases) by_name_.emplace(a, *it);
  }
}

std::vector<Vertex> EntityIndex::resolve(const std::string& name) const {
  std::set<Vertex> found;
  auto [b, e] = by_name_.equal_range(name);
  for (auto it = b; it != e; ++it) found.insert(it->second);
  // Only when no name matches: a name may itself contain '/'.
  if (found.empty() && name.find('/') != std::string::npos) {  // an id or IRI
    auto [type, key] = parse_node_id(name);
    if (auto v = graph_.find(type, key)) found.insert(*v);
  }
  return {found.begin(), found.end()};
}

Vertex EntityIndex::resolve_one(const std::string& name) const {
  auto found = resolve(name);
  if (found.empty()) throw Error(ErrorKind::NotFound, "no entity named \"" + name + "\"");
  if (found.size() > 1) {
    // The candidates are listed by id, which resolve() accepts, so the user can
    // copy one into the next query.
    std::string message = "\"" + name + "\" is ambiguous; say which:";
    for (Vertex v : found) message += "\n  " + node_id(graph_.graph()[v]);
    throw Error(ErrorKind::Usage, message);
  }
  return found.front();
}

Table entity_card(const KnowledgeGraph& graph, Vertex v, const QueryFilter& f) {
  check_filter(graph, f);
  const Graph& g = graph.graph();
  // An Indicator's figure in columns of its own, dropped below when no row has one.
  constexpr size_t kFigure = 4, kFigureColumns = 4;
  Table t{{"direction", "relation", "type", "name", "measure", "value", "unit", "period"}, {}, {}};
  if (f.evidence) t.columns.push_back("evidence");
  auto property = [](const NodeData& n, const char* key) {
    auto it = n.properties.find(key);
    return it == n.properties.end() ? std::string() : it->second;
  };
  auto add = [&](const char* direction, const EdgeData& e, Vertex other) {
    const NodeData& n = g[other];
    if (!relation_wanted(f, e.relation) || !wanted(f.types, n.type)) return;
    std::vector<std::string> row{direction, e.relation, n.type, n.name, "", "", "", ""};
    if (n.value || n.type == "Indicator") {
      row[kFigure] = property(n, "measure");
      if (n.value) row[kFigure + 1] = shortest_number(*n.value);
      row[kFigure + 2] = property(n, "unit");
      row[kFigure + 3] = property(n, "period");
    }
    if (f.evidence) row.push_back(evidence_text(e));
    t.rows.push_back(std::move(row));
  };
  if (f.out)
    for (auto [it, end] = boost::out_edges(v, g); it != end; ++it) add("->", g[*it], boost::target(*it, g));
  if (f.in)
    for (auto [it, end] = boost::in_edges(v, g); it != end; ++it) add("<-", g[*it], boost::source(*it, g));
  // The same card for the same graph: ordered by what identifies a row, then the value.
  std::sort(t.rows.begin(), t.rows.end(), [](const auto& a, const auto& b) {
    return std::tie(a[0], a[1], a[2], a[3], a[5]) < std::tie(b[0], b[1], b[2], b[3], b[5]);
  });
  bool figures = std::any_of(t.rows.begin(), t.rows.end(), [&](const auto& row) {
    return std::any_of(row.begin() + kFigure, row.begin() + kFigure + kFigureColumns,
                       [](const auto& c) { return !c.empty(); });
  });
  auto drop = [&](std::vector<std::string>& cells) {
    cells.erase(cells.begin() + kFigure, cells.begin() + kFigure + kFigureColumns);
  };
  if (!figures) {
    drop(t.columns);
    for (auto& row : t.rows) drop(row);
  }
  // Numeric columns become JSON numbers in JSON output; text stays text.
  t.numeric.assign(t.columns.size(), false);
  if (figures) t.numeric[kFigure + 1] = true;  // value
  return t;
}

Table shortest_path(const KnowledgeGraph& graph, Vertex from, Vertex to, const QueryFilter& f) {
  check_filter(graph, f);
  const Graph& g = graph.graph();
  // Connections count both ways: an undirected view of the wanted relations.
  using Undirected = boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS, boost::no_property,
                                           boost::property<boost::edge_index_t, size_t>>;
  // Graph uses vecS, so vertex descriptors are indices and `u` shares them with `g`;
  // edge_index maps each of u's edges back to the edge of `g` it stands for.
  Undirected u(boost::num_vertices(g));
  std::vector<Edge> edge_of;
  for (auto [it, end] = boost::edges(g); it != end; ++it) {
    if (!relation_wanted(f, g[*it].relation)) continue;
    boost::add_edge(boost::source(*it, g), boost::target(*it, g), edge_of.size(), u);
    edge_of.push_back(*it);
  }
  // Breadth-first gives the fewest hops; `via` keeps the tree edge that reached
  // each node, walked back from `to` below.
  std::vector<Undirected::edge_descriptor> via(boost::num_vertices(u));
  std::vector<bool> reached(boost::num_vertices(u), false);
  reached[from] = true;
  // Pointers, not vectors: BGL copies its visitor by value.
  struct Recorder : boost::default_bfs_visitor {
    std::vector<Undirected::edge_descriptor>* via;
    std::vector<bool>* reached;
    void tree_edge(Undirected::edge_descriptor e, const Undirected& graph) const {
      (*via)[boost::target(e, graph)] = e;
      (*reached)[boost::target(e, graph)] = true;
    }
  } recorder;
  recorder.via = &via;
  recorder.reached = &reached;
  boost::breadth_first_search(u, from, boost::visitor(recorder));
  Table t{{"from", "relation", "to"}, {}, {}};
  if (!reached[to] || from == to) return t;
  std::vector<std::vector<std::string>> steps;
  auto index = boost::get(boost::edge_index, u);
  for (Vertex v = to; v != from;) {
    Edge e = edge_of[index[via[v]]];
    Vertex s = boost::source(e, g), d = boost::target(e, g);
    Vertex previous = s == v ? d : s;
    // The stored edge keeps its direction, so each step shows which way the relation points.
    bool forward = d == v;  // the relation points along the chain
    steps.push_back({describe(g[previous]), forward ? g[e].relation + " ->" : "<- " + g[e].relation, describe(g[v])});
    v = previous;
  }
  t.rows.assign(steps.rbegin(), steps.rend());
  return t;
}

namespace {

struct Term {
  bool variable = false;
  std::string text;  // variable name (without ?) or constant
};

struct Pattern {
  Term s, r, o;
};

std::vector<Pattern> parse_patterns(const std::string& text) {
  std::vector<Pattern> out;
  std::vector<Term> terms;
  std::stringstream ss(text);
  for (std::string w; ss >> w;) {
    if (w == "." || w == ",") {
      if (terms.size() != 3) throw Error(ErrorKind::Usage, "a pattern is 'SUBJECT RELATION OBJECT': " + text);
      out.push_back({terms[0], terms[1], terms[2]});
      terms.clear();
      continue;
    }
    // A '.' glued to the last term ends the pattern too (?a locatedIn ?b.), as in
    // SPARQL; a lone "." is the separator above, never a term.
    bool dot = w.size() > 1 && w.back() == '.';
    if (dot) w.pop_back();
    terms.push_back({w[0] == '?', w[0] == '?' ? w.substr(1) : w});
    if (dot) {
      if (terms.size() != 3) throw Error(ErrorKind::Usage, "a pattern is 'SUBJECT RELATION OBJECT': " + text);
      out.push_back({terms[0], terms[1], terms[2]});
      terms.clear();
    }
  }
  if (!terms.empty()) {
    if (terms.size() != 3) throw Error(ErrorKind::Usage, "a pattern is 'SUBJECT RELATION OBJECT': " + text);
    out.push_back({terms[0], terms[1], terms[2]});
  }
  if (out.empty()) throw Error(ErrorKind::Usage, "empty pattern");
  return out;
}

}  // namespace

Table match_patterns(const KnowledgeGraph& graph, const EntityIndex& index, const std::string& text,
                     const QueryFilter& f) {
  const Graph& g = graph.graph();
  // A backtracking join: each pattern, in order, extends the bindings of the ones
  // before it; what a step binds it unbinds on the way back.
  std::vector<Pattern> patterns = parse_patterns(text);
  check_filter(graph, f);
  for (const auto& p : patterns)
    if (!p.r.variable) check_relation(graph, p.r.text);
  std::vector<std::string> variables;
  auto note = [&](const Term& t) {
    if (t.variable && std::find(variables.begin(), variables.end(), t.text) == variables.end())
      variables.push_back(t.text);
  };
  for (const auto& p : patterns) note(p.s), note(p.r), note(p.o);
  for (const auto& [var, type] : f.variable_types)
    if (std::find(variables.begin(), variables.end(), var) == variables.end())
      throw Error(ErrorKind::Usage, "--type " + var + "=" + type + ": no variable ?" + var + " in the pattern");
  // Constants resolve once; an unknown name simply matches nothing.
  std::map<std::string, std::set<Vertex>> constants;
  for (const auto& p : patterns)
    for (const Term* t : {&p.s, &p.o})
      if (!t->variable) {
        auto found = index.resolve(t->text);
        constants[t->text] = {found.begin(), found.end()};
      }
  Table out{variables, {}, {}};
  std::map<std::string, Vertex> nodes;
  std::map<std::string, std::string> relations;
  auto type_ok = [&](const std::string& var, Vertex v) {
    auto it = f.variable_types.find(var);
    return it == f.variable_types.end() || g[v].type == it->second;
  };
  // Different edges can give the same row (two sub-relations of the asked one
  // between the same nodes): each row once.
  std::set<std::vector<std::string>> seen;
  std::function<void(size_t)> solve = [&](size_t k) {
    if (k == patterns.size()) {
      std::vector<std::string> row;
      for (const auto& var : variables) row.push_back(nodes.count(var) ? g[nodes[var]].name : relations[var]);
      if (seen.insert(row).second) out.rows.push_back(row);
      return;
    }
    const Pattern& p = patterns[k];
    auto node_ok = [&](const Term& t, Vertex v) {
      if (!t.variable) return constants[t.text].count(v) > 0;
      auto it = nodes.find(t.text);
      return it == nodes.end() ? type_ok(t.text, v) : it->second == v;
    };
    auto relation_ok = [&](const std::string& r) {
      // A constant relation is answered by its sub-relations too, as the graph keeps
      // only the most specific statement of an industry.
      if (!p.r.variable) return answers(r, p.r.text);
      auto it = relations.find(p.r.text);
      return it == relations.end() ? relation_wanted(f, r) : it->second == r;
    };
    auto visit = [&](Edge e) {
      Vertex s = boost::source(e, g), o = boost::target(e, g);
      if (!relation_ok(g[e].relation) || !node_ok(p.s, s) || !node_ok(p.o, o)) return;
      std::vector<std::string> bound;
      auto bind = [&](const Term& t, Vertex v) {
        if (t.variable && !nodes.count(t.text)) nodes[t.text] = v, bound.push_back(t.text);
      };
      bool bound_r = p.r.variable && !relations.count(p.r.text);
      if (bound_r) relations[p.r.text] = g[e].relation;
      bind(p.s, s);
      // ?x R ?x asks for a loop: an edge between two nodes cannot bind ?x to both.
      if (!(p.s.variable && p.o.variable && p.s.text == p.o.text && s != o)) {
        bind(p.o, o);
        solve(k + 1);
      }
      for (const auto& b : bound) nodes.erase(b);
      if (bound_r) relations.erase(p.r.text);
    };
    // Start from a bound end when there is one: only its edges can match.
    auto bound_to = [&](const Term& t) -> std::optional<std::set<Vertex>> {
      if (!t.variable) return constants[t.text];
      if (auto it = nodes.find(t.text); it != nodes.end()) return std::set<Vertex>{it->second};
      return std::nullopt;
    };
    if (auto starts = bound_to(p.s)) {
      for (Vertex v : *starts)
        for (auto [it, end] = boost::out_edges(v, g); it != end; ++it) visit(*it);
      return;
    }
    if (auto ends = bound_to(p.o)) {
      for (Vertex v : *ends)
        for (auto [it, end] = boost::in_edges(v, g); it != end; ++it) visit(*it);
      return;
    }
    for (auto [it, end] = boost::edges(g); it != end; ++it) visit(*it);
  };
  solve(0);
  // The answer does not depend on the order of edges in the graph.
  std::sort(out.rows.begin(), out.rows.end());
  return out;
}

Table graph_stats(const KnowledgeGraph& graph) {
  const Graph& g = graph.graph();
  // Ordered maps: the rows come in name order, the same every run.
  std::map<std::string, size_t> types, relations;
  size_t evidence = 0;
  for (auto [it, end] = boost::vertices(g); it != end; ++it) types[g[*it].type]++;
  for (auto [it, end] = boost::edges(g); it != end; ++it) {
    relations[g[*it].relation]++;
    evidence += g[*it].evidence.size();
  }
  Table t{{"what", "name", "count"}, {}, {false, false, true}};
  for (const auto& [k, n] : types) t.rows.push_back({"nodes", k, std::to_string(n)});
  for (const auto& [k, n] : relations) t.rows.push_back({"edges", k, std::to_string(n)});
  t.rows.push_back({"total", "nodes", std::to_string(boost::num_vertices(g))});
  t.rows.push_back({"total", "edges", std::to_string(boost::num_edges(g))});
  t.rows.push_back({"total", "articles", std::to_string(types["Article"])});
  t.rows.push_back({"total", "evidence", std::to_string(evidence)});
  return t;
}

namespace {

// Columns on a terminal: CJK characters take two cells.
size_t display_width(const std::string& s) {
  icu::UnicodeString u = from_utf8(s);
  size_t w = 0;
  for (int32_t i = 0; i < u.length(); i = u.moveIndex32(i, 1)) {
    int ea = u_getIntPropertyValue(u.char32At(i), UCHAR_EAST_ASIAN_WIDTH);
    w += (ea == U_EA_WIDE || ea == U_EA_FULLWIDTH) ? 2 : 1;
  }
  return w;
}

// A numeric cell as a JSON number (an integer where it is one), empty as null.
template <class Writer>
void json_number(Writer& w, const std::string& cell) {
  const char *begin = cell.data(), *end = cell.data() + cell.size();
  int64_t i = 0;
  double d = 0;
  if (cell.empty())
    w.Null();
  else if (auto r = std::from_chars(begin, end, i); r.ec == std::errc() && r.ptr == end)
    w.Int64(i);
  // Anything else (not finite, not a number) stays a string: JSON has no NaN.
  else if (auto r = std::from_chars(begin, end, d); r.ec == std::errc() && r.ptr == end && std::isfinite(d))
    w.Double(d);
  else
    w.String(cell.c_str(), static_cast<rapidjson::SizeType>(cell.size()));
}

// TSV has no quoting: a tab or line break in a cell becomes a space, so each row
// stays one line of the right number of fields.
std::string tsv_field(std::string s) {
  for (char& c : s)
    if (c == '\t' || c == '\n' || c == '\r') c = ' ';
  return s;
}

}  // namespace

void print_table(const Table& t, TableFormat format, std::ostream& out) {
  if (format == TableFormat::Json) {
    rapidjson::OStreamWrapper osw(out);
    rapidjson::PrettyWriter<rapidjson::OStreamWrapper> w(osw);
    // An array of objects keyed by column name: the shape jq and pandas read directly.
    w.SetIndent(' ', 1);
    w.StartArray();
    for (const auto& row : t.rows) {
      w.StartObject();
      for (size_t i = 0; i < t.columns.size(); ++i) {
        w.Key(t.columns[i].c_str(), static_cast<rapidjson::SizeType>(t.columns[i].size()));
        const std::string& cell = row[i];
        if (i < t.numeric.size() && t.numeric[i])
          json_number(w, cell);
        else
          w.String(cell.c_str(), static_cast<rapidjson::SizeType>(cell.size()));
      }
      w.EndObject();
    }
    w.EndArray();
    out << "\n";
    return;
  }
  if (format == TableFormat::Tsv) {
    for (size_t i = 0; i < t.columns.size(); ++i) out << (i ? "\t" : "") << t.columns[i];
    out << "\n";
    for (const auto& row : t.rows) {
      for (size_t i = 0; i < row.size(); ++i) out << (i ? "\t" : "") << tsv_field(row[i]);
      out << "\n";
    }
    return;
  }
  std::vector<size_t> width(t.columns.size());
  // Padded by display width, not bytes, so CJK columns line up on a terminal; the
  // last column is not padded, so no line ends in spaces.
  for (size_t i = 0; i < t.columns.size(); ++i) width[i] = display_width(t.columns[i]);
  for (const auto& row : t.rows)
    for (size_t i = 0; i < row.size(); ++i) width[i] = std::max(width[i], display_width(row[i]));
  auto line = [&](const std::vector<std::string>& cells) {
    for (size_t i = 0; i < cells.size(); ++i) {
      out << cells[i];
      if (i + 1 < cells.size()) out << std::string(width[i] - display_width(cells[i]) + 2, ' ');
    }
    out << "\n";
  };
  line(t.columns);
  for (const auto& row : t.rows) line(row);
}

}  // namespace doc2kg
