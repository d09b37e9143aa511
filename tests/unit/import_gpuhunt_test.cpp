// Tests of the gpuhunt catalog importer (written with the reader).
#include <catch2/catch.hpp>
