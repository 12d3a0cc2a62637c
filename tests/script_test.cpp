#include "read/script.hpp"

#include <gtest/gtest.h>

#include <string>
#include <thread>
#include <vector>

#include "base/text.hpp"
#include "doc2kg/error.hpp"
#include "read/reader.hpp"
#include "test_support.hpp"

using namespace doc2kg;

namespace {

std::string simplified(const std::string& traditional) { return to_utf8(to_simplified(from_utf8(traditional))); }

// Same length, and every character that is not Han is where it was.
void expect_aligned(const icu::UnicodeString& original, const icu::UnicodeString& copy) {
  ASSERT_EQ(copy.length(), original.length());
  for (int32_t i = 0; i < original.length(); ++i) {
    UChar c = original.charAt(i);
    bool han = (c >= 0x3400 && c <= 0x9FFF) || (c >= 0xF900 && c <= 0xFAFF) || U16_IS_SURROGATE(c);
    if (!han) EXPECT_EQ(copy.charAt(i), c) << "at " << i;
    EXPECT_EQ(U16_IS_LEAD(copy.charAt(i)), U16_IS_LEAD(c)) << "at " << i;
  }
}

}  // namespace

TEST(Script, PhrasesDecideCharactersWithTwoSimplifiedForms) {
  EXPECT_EQ(simplified("這項改革成效顯著"), "这项改革成效显著");  // not 显着
  EXPECT_EQ(simplified("當地著名的茶葉產區"), "当地著名的茶叶产区");
  EXPECT_EQ(simplified("街道乾淨整潔"), "街道干净整洁");
  EXPECT_EQ(simplified("乾隆年間修建的古橋"), "乾隆年间修建的古桥");  // 乾 stays in the name
  EXPECT_EQ(simplified("祠堂後面的皇后像"), "祠堂后面的皇后像");
  EXPECT_EQ(simplified("產業發展離不開理髮店"), "产业发展离不开理发店");
  EXPECT_EQ(simplified("他的頭髮"), "他的头发");
}

TEST(Script, CharacterTableIsTheFallbackAndGetsPhrasesWrong) {
  EXPECT_EQ(to_utf8(to_simplified_by_character(u"成效顯著")), "成效显着");
  EXPECT_EQ(to_utf8(to_simplified_by_character(u"嶗山區產業")), "崂山区产业");
}

TEST(Script, CopyHasTheSameLengthInUtf16Units) {
  const std::vector<std::u16string> texts = {
      u"這項改革成效顯著，當地著名的茶葉產區。\n第二行：乾隆年間（1736年）修建。",
      u"鰊魚加工廠",  // OpenCC's form of 鰊 is outside the BMP: the table's is kept
      u"𨋢門與電梯",  // and 𨋢 (outside the BMP) has a BMP form: it is kept
      u"ASCII only, 123",
      u"混合 emoji 😀 與 Traditional 漢字",
      u"",
  };
  for (const auto& t : texts) {
    icu::UnicodeString original(t.data(), static_cast<int32_t>(t.size()));
    expect_aligned(original, to_simplified(original));
  }
  EXPECT_EQ(simplified("鰊魚加工廠").substr(3), "鱼加工厂");  // the rest of the run is still converted
  icu::UnicodeString lone(u"區");
  lone.append(static_cast<UChar>(0xD800));  // an unpaired surrogate is left alone
  lone.append(u"業");
  EXPECT_EQ(to_simplified(lone), icu::UnicodeString(u"区").append(static_cast<UChar>(0xD800)).append(u"业"));
}

TEST(Script, SimplifiedTextIsUnchanged) {
  const std::string s = "江宁区以集成电路为主导产业，著名的雨花茶、干净的街道。";
  EXPECT_EQ(simplified(s), s);
}

TEST(Script, ConvertsFromSeveralThreadsAtOnce) {
  const icu::UnicodeString text(u"這項改革成效顯著，街道乾淨整潔，產業發展迅速。");
  const icu::UnicodeString expected = to_simplified(text);
  std::vector<std::thread> threads;
  std::vector<int> wrong(4, 0);
  for (int k = 0; k < 4; ++k)
    threads.emplace_back([&, k] {
      for (int n = 0; n < 200; ++n) wrong[k] += to_simplified(text) != expected;
    });
  for (auto& t : threads) t.join();
  for (int w : wrong) EXPECT_EQ(w, 0);
}

TEST(Script, MissingOpenccConfigurationIsAClearError) {
  try {
    Simplifier s("no-such-opencc-config.json");
    FAIL() << "expected an error";
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("no-such-opencc-config.json"), std::string::npos);
    EXPECT_NE(std::string(e.what()).find("OpenCC"), std::string::npos);
  }
}

TEST(Script, ReaderMatchesOnThePhraseAwareCopyAndQuotesTheOriginal) {
  Document d =
      read_article("東城區成效顯著\n2023-05-06\n來源：港灣日報\n\n東城區把會展經濟作為主導產業，街道乾淨整潔。\n",
                   "a.txt", test::project_rules());
  EXPECT_EQ(d.text.length(), d.original.length());
  EXPECT_NE(to_utf8(d.text).find("成效显著"), std::string::npos);
  EXPECT_NE(to_utf8(d.text).find("干净整洁"), std::string::npos);
  EXPECT_EQ(d.info.source, "港灣日報");  // quoted from the original
  EXPECT_EQ(d.info.date, "2023-05-06");
}
