#pragma once
// The ids of facts that code makes rather than a rule of the rule set: they
// appear in evidence as the rule, and one stage recognises another's facts
// by them (pruning drops a containment read from a name where a sentence
// states one).
namespace doc2kg {

// The locatedIn facts of the containment stage (containment.hpp).
inline constexpr const char* kNamePrefixRule = "locatedIn.name_prefix";  // 长安镇|高端装备综合体
inline constexpr const char* kDefaultRule = "locatedIn.default";         // named in an article about the area

}  // namespace doc2kg
