#pragma once

// Packer's didyoumean.NameSuggestion is hcl's: one implementation serves both.
#include "engine/hcl/NameSuggestion.h"

namespace kiln::registry {

using kiln::hcl::levenshteinDistance;
using kiln::hcl::nameSuggestion;

} // namespace kiln::registry
