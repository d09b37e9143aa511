// Tests of the vast catalog importer (written with the reader).
#include <catch2/catch.hpp>
