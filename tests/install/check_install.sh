#!/bin/sh
# check_install.sh BUILD_DIR SOURCE_DIR: installs the build into a fresh
# prefix, builds the README's library example against the installed package
# (tests/install/), runs it on the sample article and checks that it writes
# the sample's leading industry; then checks that only the public headers were
# installed and that each compiles alone with -I PREFIX/include.
set -eu
build=$1
source=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cmake --install "$build" --prefix "$work/prefix" >/dev/null
cmake -S "$source/tests/install" -B "$work/user" -DCMAKE_PREFIX_PATH="$work/prefix" >/dev/null
cmake --build "$work/user" >/dev/null
"$work/user/user" "$work/prefix/share/doc2kg/rules" "$source/graphs/huaiyin-2023-06-29.txt" > "$work/out.graphml"
grep -q '<data key="name">医养健康</data>' "$work/out.graphml" || { echo "the example's graph lacks 医养健康"; exit 1; }
installed=$(cd "$work/prefix/include/doc2kg" && ls | sort | tr '\n' ' ')
public=$(cd "$source/include/doc2kg" && ls | sort | tr '\n' ' ')
[ "$installed" = "$public" ] || { echo "installed headers: $installed; public: $public"; exit 1; }
for h in "$work"/prefix/include/doc2kg/*.hpp; do
  echo "#include \"doc2kg/$(basename "$h")\"" | ${CXX:-c++} -std=c++20 -fsyntax-only -x c++ -I "$work/prefix/include" - ||
    { echo "$(basename "$h") does not compile alone"; exit 1; }
done
echo "installed: $installed; the example ran; each header compiles alone"
