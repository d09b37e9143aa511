// Tests of the skypilot catalog importer (written with the reader).
#include <catch2/catch.hpp>
