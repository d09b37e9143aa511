// An assumption the estimate rests on, printed with every result so users can check it.
#pragma once

#include "ftcost/base/text.hpp"

namespace ftcost {

/// One named assumption: what was assumed and where the figure or rule comes from. Its strings
/// are Text: the ~40 duration estimates of a plan repeat the same assumptions, and interned they
/// are stored once (docs/design.md#start-up).
struct Assumption {
  Text text;    ///< e.g. "8b resolved to llama-3.1-8b (Llama 3.1 8B)"
  Text source;  ///< e.g. "docs/memory-model.md#activations (Korthikanti et al. 2022)"
  /// True when the user should be told even if they read no assumptions: an explicit flag was
  /// overridden (adapt_to_gpu), or the input lies outside what the model was built for (a
  /// --seq-len beyond its context). The CLI prints these to stderr as "ftcost: warning: <text>".
  bool warning = false;
};

}  // namespace ftcost
