// Placeholder.
#include "ftcost/load/catalog_import.hpp"
