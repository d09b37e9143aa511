// The memory model: composes the terms into phases and takes the peak over them.
#include "ftcost/memory/memory.hpp"

#include <algorithm>
#include <array>
#include <initializer_list>

#include "memory_terms.hpp"

namespace ftcost {

namespace {

using memory_detail::ActivationTerms;
using memory_detail::StaticTerms;

/// One component in one phase: names are string literals, so a phase costs no allocation (the
/// search evaluates hundreds of setups; MemoryComponent strings are made for the binding phase).
struct Part {
  const char* name;
  double bytes;
  const char* detail;
};

/// The components of one phase: the resident five plus at most five of the phase's own.
class Parts {
 public:
  Parts(std::initializer_list<Part> parts) { add(parts); }
  void add(std::initializer_list<Part> parts) {
    for (const Part& part : parts) {
      items_.at(size_++) = part;
    }
  }
  [[nodiscard]] const Part* begin() const { return items_.data(); }
  [[nodiscard]] const Part* end() const { return items_.data() + size_; }

 private:
  std::array<Part, 10> items_{};
  std::size_t size_ = 0;
};

/// Terms present in every phase: weights, states, buffers.
Parts resident(const StaticTerms& s) {
  return {{"weights_frozen", s.frozen_weights, "frozen base (quantized linears + 16/32-bit rest)"},
          {"weights_trainable", s.trainable_weights, "full weights or LoRA adapters"},
          {"optimizer_states", s.optimizer_states, "inside PyTorch's allocator"},
          {"master_weights", s.master_weights, "DeepSpeed ZeRO fp32 master partition"},
          {"ddp_buckets", s.ddp_buckets, "DDP reducer gradient buckets"}};
}

double total(const Parts& parts) {
  double sum = 0;
  for (const Part& part : parts) {
    sum += part.bytes;
  }
  return sum;
}

Parts with(Parts parts, std::initializer_list<Part> more) {
  parts.add(more);
  return parts;
}

double accumulated_gradients(const TrainingSetup& setup, const StaticTerms& s) {
  return setup.grad_accum > 1 && !setup.optimizer_in_backward ? s.gradients : 0;
}

Parts forward_phase(const TrainingSetup& setup, const StaticTerms& s, const ActivationTerms& a) {
  return with(resident(s), {{"fsdp_gathered", s.gathered_units, "all-gathered units in flight"},
                            {"gradients", accumulated_gradients(setup, s), "accumulated"},
                            {"autocast_copies", s.autocast_copies, "16-bit weight copies"},
                            {"activations", a.saved_at_loss, "saved for backward"},
                            {"logits", a.loss_forward, "logits and loss buffers"}});
}

/// Start of backward: the loss and output projection run while every saved tensor is alive.
Parts backward_start(const TrainingSetup& setup, const StaticTerms& s, const ActivationTerms& a) {
  const double grads = std::max(accumulated_gradients(setup, s), s.head_gradient);
  return with(resident(s), {{"fsdp_gathered", s.gathered_units, "all-gathered units in flight"},
                            {"gradients", grads, "output projection's gradient"},
                            {"autocast_copies", s.autocast_copies, "16-bit weight copies"},
                            {"activations", a.saved_at_loss, "saved for backward"},
                            {"logits", a.loss_backward, "loss buffers and their gradients"}});
}

/// Inside the blocks: gradients build up while checkpointed inputs are consumed; the worst of
/// the first block (all inputs, few gradients) and the last (all gradients, one input).
Parts backward_blocks(const TrainingSetup& setup, const StaticTerms& s, const ActivationTerms& a) {
  const double final_grads = setup.optimizer_in_backward ? s.largest_gradient : s.gradients;
  const double first = std::max(accumulated_gradients(setup, s), s.head_gradient) + a.layer_inputs;
  const double last = final_grads + (a.layer_inputs > 0 ? a.one_layer_input : 0);
  const bool first_worse = first > last;
  const double grads =
      first_worse ? std::max(accumulated_gradients(setup, s), s.head_gradient) : final_grads;
  const double inputs = first_worse ? a.layer_inputs : (a.layer_inputs > 0 ? a.one_layer_input : 0);
  // FSDP and ZeRO-3 free the gathered units after backward: none are in flight at the step.
  return with(resident(s), {{"fsdp_gathered", s.gathered_units, "all-gathered units in flight"},
                            {"gradients", grads, "built up during backward"},
                            {"autocast_copies", s.autocast_copies, "16-bit weight copies"},
                            {"activations", inputs + a.layer_working_set + a.backward_transient,
                             "block inputs + one block's saved tensors + its backward buffers"}});
}

Parts optimizer_phase(const TrainingSetup& setup, const StaticTerms& s) {
  const double grads = setup.optimizer_in_backward ? s.largest_gradient : s.gradients;
  return with(resident(s), {{"gradients", grads, "complete set before the step"},
                            {"fp32_gradients", s.fp32_grad_partition,
                             "DeepSpeed ZeRO: gradients upcast for the fp32 step"}});
}

}  // namespace

MemoryEstimate estimate_memory(const ModelArch& arch, const TrainingSetup& setup,
                               MemoryDetail detail) {
  const memory_detail::MemoryContext context = memory_detail::memory_context(arch, setup);
  const StaticTerms s = memory_detail::static_terms(context);
  const ActivationTerms a = memory_detail::activation_terms(context);
  const Parts forward = forward_phase(setup, s, a);
  const Parts start = backward_start(setup, s, a);
  const Parts blocks = backward_blocks(setup, s, a);
  const Parts& backward = total(start) >= total(blocks) ? start : blocks;
  const Parts step = optimizer_phase(setup, s);
  MemoryEstimate estimate;
  estimate.phases = {{Phase::Forward, total(forward)},
                     {Phase::Backward, total(backward)},
                     {Phase::OptimizerStep, total(step)}};
  const auto binding = std::max_element(estimate.phases.begin(), estimate.phases.end(),
                                        [](const PhaseMemory& x, const PhaseMemory& y) {
                                          return x.allocated_bytes < y.allocated_bytes;
                                        });
  estimate.binding_phase = binding->phase;
  const Parts& parts = binding->phase == Phase::Forward    ? forward
                       : binding->phase == Phase::Backward ? backward
                                                           : step;
  estimate.host_offload_bytes = s.host_offload;
  estimate.peak_allocated_bytes = binding->allocated_bytes;
  memory_detail::apply_allocator(estimate, s.paged_states);
  if (detail == MemoryDetail::Totals) {
    return estimate;
  }
  for (const Part& part : parts) {
    if (part.bytes > 0) {
      estimate.components.push_back({part.name, part.bytes, part.detail});
    }
  }
  const auto largest = std::max_element(
      estimate.components.begin(), estimate.components.end(),
      [](const MemoryComponent& x, const MemoryComponent& y) { return x.bytes < y.bytes; });
  estimate.binding_term = largest == estimate.components.end() ? "" : largest->name;
  estimate.assumptions = memory_detail::memory_assumptions(context);
  return estimate;
}

}  // namespace ftcost
