// parse_hf_config on 25 real config.json files, family defaults, Qwen-MoE dense layers and
// malformed files.
#include "load/hf_config.hpp"

#include <algorithm>
#include <catch2/catch.hpp>
#include <cstdint>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "ftcost/base/error.hpp"
#include "ftcost/load/model_load.hpp"
#include "ftcost/model/params.hpp"
#include "ftcost/setup/resolve.hpp"

using Catch::Matchers::Contains;
using Catch::Matchers::WithinRel;

namespace {

std::string read_data(const std::string& relative) {
  std::ifstream stream(std::string(FTCOST_TEST_DATA) + "/" + relative, std::ios::binary);
  REQUIRE(stream);
  std::ostringstream text;
  text << stream.rdbuf();
  return text.str();
}

struct PublishedConfig {
  const char* file;
  double total_params;
  double active_params;  // 0: dense, active == total
  double rounding = 0;   // half the last printed unit of a rounded card figure ("12B": 0.5e9)
};

}  // namespace

// Published figures from tests/data/configs/README.md (copied from the model cards). The 2%
// tolerance is the task's bar; a card that prints "12B" only says 11.5B..12.5B, so such rows
// widen it to that rounding.
TEST_CASE("every real config.json loads within 2% of its published count", "[hf_config]") {
  const auto config = GENERATE(values<PublishedConfig>({
      {"meta-llama--Llama-3.1-8B-Instruct.json", 8'030'261'248, 0},
      {"meta-llama--Llama-3.2-1B.json", 1.23e9, 0},
      {"meta-llama--Llama-4-Scout-17B-16E-Instruct.json", 109e9, 17e9},
      {"mistralai--Mistral-7B-Instruct-v0.3.json", 7.25e9, 0},
      {"mistralai--Devstral-Small-2507.json", 24e9, 0},
      // "12B": 12,247,782,400 by hand (40 × 272,640,000 per layer + 2 × 671,088,640 embeddings
      // + 5,120 final norm) is 2.1% above the rounded figure but inside its rounding.
      {"mistralai--Mistral-Nemo-Instruct-2407.json", 12e9, 0, 0.5e9},
      {"mistralai--Mixtral-8x7B-v0.1.json", 46.7e9, 12.9e9},
      {"Qwen--Qwen2.5-7B-Instruct.json", 7.6e9, 0},
      {"Qwen--Qwen3-8B.json", 8.2e9, 0},
      {"Qwen--Qwen3-30B-A3B.json", 30.5e9, 3.3e9},
      {"Qwen--Qwen-72B.json", 72e9, 0},
      {"deepseek-ai--DeepSeek-R1.json", 671e9, 37e9},
      // OpenAI's 3.6B active leaves out the input embedding (a lookup); ftcost's active counts
      // it, so the expectation is 3.6B + 201,088 × 2,880 = 4.179B.
      {"openai--gpt-oss-20b.json", 20.9e9, 3.6e9 + 201'088.0 * 2'880},
      {"google--medgemma-27b-it.json", 27e9, 0},
      {"microsoft--Phi-3-mini-4k-instruct.json", 3.8e9, 0},
      {"microsoft--Phi-3.5-mini-instruct.json", 3.8e9, 0},
      {"microsoft--phi-4.json", 14.7e9, 0},
      {"bigscience--bloom.json", 176'247'271'424, 0},
      {"01-ai--Yi-34B.json", 34.4e9, 0},
  }));
  CAPTURE(config.file);
  const auto arch =
      ftcost::parse_hf_config(read_data(std::string("configs/") + config.file), config.file);
  const auto counts = ftcost::count_params(arch);
  const double tolerance = std::max(0.02, config.rounding / config.total_params);
  CHECK_THAT(static_cast<double>(counts.total), WithinRel(config.total_params, tolerance));
  const double active = config.active_params > 0 ? config.active_params : config.total_params;
  CHECK_THAT(static_cast<double>(counts.active), WithinRel(active, tolerance));
}

TEST_CASE("Llama 3.1 8B from config.json matches the exact published count", "[hf_config]") {
  // 8,030,261,248 (keras-hub llama3.1_8b preset), by hand: embedding and lm_head 128256 × 4096
  // each; per layer q,o 4096² + k,v 4096 × 1024 + 3 × 4096 × 14336 + 2 norms × 4096.
  const auto arch = ftcost::parse_hf_config(
      read_data("configs/meta-llama--Llama-3.1-8B-Instruct.json"), "llama.json");
  CHECK(ftcost::count_params(arch).total == 8'030'261'248);
}

TEST_CASE("BLOOM's GPT-style keys give the exact published 176,247,271,424", "[hf_config]") {
  const auto arch = ftcost::parse_hf_config(read_data("configs/bigscience--bloom.json"), "b.json");
  CHECK(arch.hidden_size == 14336);
  CHECK(arch.num_layers == 70);
  CHECK(ftcost::count_params(arch).total == 176'247'271'424);
}

TEST_CASE("family defaults and ignored parts are stated as assumptions", "[hf_config]") {
  const auto result = ftcost::load::read_hf_config(
      read_data("configs/google--medgemma-27b-it.json"), "medgemma.json");
  CHECK(result.arch.tied_embeddings);
  CHECK(result.arch.lm_head_params == 0);
  REQUIRE(result.assumptions.size() == 2);
  CHECK_THAT(result.assumptions[0].text, Contains("vision_config ignored"));
  CHECK_THAT(result.assumptions[1].text, Contains("gemma3_text ties them by default"));
}

TEST_CASE("Qwen v1 halves its doubled intermediate_size", "[hf_config]") {
  const auto arch = ftcost::parse_hf_config(read_data("configs/Qwen--Qwen-72B.json"), "q.json");
  REQUIRE(arch.blocks.size() == 1);
  CHECK(arch.blocks[0].mlp_hidden == 24576);  // 49152 / 2
  CHECK(arch.head_dim == 128);                // kv_channels
  CHECK(arch.num_kv_heads == 64);             // no num_key_value_heads: MHA
}

TEST_CASE("DeepSeek-R1 has 3 dense layers then 58 MoE layers with MLA", "[hf_config]") {
  const auto arch =
      ftcost::parse_hf_config(read_data("configs/deepseek-ai--DeepSeek-R1.json"), "r1.json");
  REQUIRE(arch.blocks.size() == 2);
  CHECK(arch.blocks[0].layers == 3);
  CHECK(arch.blocks[0].mlp_hidden == 18432);
  CHECK(arch.blocks[1].layers == 58);
  CHECK(arch.blocks[1].experts_per_token == 8);
  CHECK(arch.blocks[1].linears.front().name == "q_a_proj");
}

struct BadConfig {
  const char* file;
  const char* message;
};

TEST_CASE("malformed config.json files are refused with one exact line", "[hf_config]") {
  const auto bad = GENERATE(values<BadConfig>({
      {"truncated.json",
       "truncated.json:4:1: invalid JSON: syntax error while parsing object key "
       "- unexpected end of input; expected string literal"},
      {"wrong_type.json", "wrong_type.json: /hidden_size: expected an integer, got \"4096\""},
      {"negative_layers.json",
       "negative_layers.json: /num_hidden_layers: out of range: -32 (an integer from 1 to "
       "10000000)"},
      {"missing_hidden.json",
       "missing_hidden.json: /: missing required key 'hidden_size' (one of hidden_size n_embed "
       "n_embd)"},
      {"not_object.json",
       "not_object.json: /: expected a config.json object, got an array (a HuggingFace "
       "config.json object)"},
      {"unsupported_type.json",
       "unsupported_type.json: /model_type: model_type 'mamba' is not supported (supported: "
       "llama, mistral, mixtral, qwen2, qwen2_moe, qwen3, qwen3_moe, qwen, gemma, gemma2, "
       "gemma3_text, phi3, olmo2, bloom, deepseek_v3, gpt_oss, llama4_text, phi, gpt_neox, "
       "chatglm)"},
      {"bad_kv_heads.json",
       "bad_kv_heads.json: /num_key_value_heads: num_attention_heads 32 is not a multiple of 5 "
       "(a divisor of num_attention_heads)"},
      // 1e7 layers × 1e5 experts × 3 gated projections × 1e7 × 1e7 = 3e26 parameters, which
      // int64 cannot count.
      {"implausible.json",
       "implausible.json: /: implausibly large architecture: about 3e+26 parameters (at most "
       "1e+15 parameters)"},
      {"top_k_disagrees.json",
       "top_k_disagrees.json: /experts_per_token: disagrees with num_experts_per_tok 2 (the "
       "same top-k in both keys)"},
  }));
  try {
    (void)ftcost::parse_hf_config(read_data(std::string("bad/") + bad.file), bad.file);
    FAIL("accepted " << bad.file);
  } catch (const ftcost::InputError& error) {
    CHECK(std::string(error.what()) == bad.message);
    CHECK(error.exit_code() == ftcost::ExitCode::InvalidData);
  }
}

TEST_CASE("a mistyped model_type suggests the supported one", "[hf_config]") {
  CHECK_THROWS_WITH(ftcost::load::read_hf_config(R"({"model_type": "lama"})", "c.json"),
                    Contains("c.json: /model_type: model_type 'lama' is not supported (did you "
                             "mean 'llama'? supported: llama, "));
}

TEST_CASE("a key given twice in config.json is refused, not last-wins", "[hf_config]") {
  CHECK_THROWS_WITH(
      ftcost::load::read_hf_config(
          R"({"model_type": "llama", "hidden_size": 4096, "hidden_size": 8192})", "config.json"),
      "config.json: /hidden_size: duplicate key (each key at most once per object)");
}

TEST_CASE("a mixture-of-experts config without an expert count is refused, not read as dense",
          "[hf_config]") {
  // Mixtral 8x7B's keys minus num_local_experts: read as dense it would count ~7B parameters
  // instead of 46.7B.
  const std::string mixtral =
      R"({"model_type": "mixtral", "hidden_size": 4096, "intermediate_size": 14336,
          "num_attention_heads": 32, "num_key_value_heads": 8, "num_hidden_layers": 32,
          "vocab_size": 32000, "num_experts_per_tok": 2)";
  CHECK_THROWS_WITH(
      ftcost::parse_hf_config(mixtral + "}", "m.json"),
      Catch::Matchers::StartsWith("m.json: /: missing required key 'num_local_experts' for a "
                                  "mixture-of-experts config"));
  CHECK_THROWS_WITH(ftcost::parse_hf_config(mixtral + R"(, "num_local_experts": 0})", "m.json"),
                    Catch::Matchers::StartsWith(
                        "m.json: /num_local_experts: 0 experts in a mixture-of-experts config"));
  CHECK(ftcost::parse_hf_config(mixtral + R"(, "num_local_experts": 8})", "m.json")
            .blocks.front()
            .experts_per_token == 2);
}

namespace {

struct ExactConfig {
  const char* file;
  std::int64_t computed;  // what ftcost counts, by hand from the modeling code
  double published;       // the model card's / safetensors index's figure
};

// `text` with the first `from` replaced by `to` (REQUIREs that it occurs).
std::string replaced(std::string text, const std::string& from, const std::string& to) {
  const auto at = text.find(from);
  REQUIRE(at != std::string::npos);
  return text.replace(at, from.size(), to);
}

std::vector<std::string> linear_names(const ftcost::ModelArch& arch) {
  std::vector<std::string> names;
  for (const auto& linear : arch.blocks.front().linears) {
    names.push_back(linear.name);
  }
  return names;
}

}  // namespace

// Published figures (docs/models.md#phi, #gpt-neox and #chatglm list the sources): Phi-1.5 and
// Phi-2 from their safetensors metadata on the Hub, Pythia from its model card's table, GLM-4-9B
// from the GLM-4 demo's printed count. ftcost's counts equal them exactly; the bar is 0.5%.
TEST_CASE("phi, gpt_neox and chatglm configs give their published parameter counts",
          "[hf_config]") {
  const auto config = GENERATE(values<ExactConfig>({
      // 24 × (4 × (2048² + 2048) attention + 2048×8192 + 8192 + 8192×2048 + 2048 MLP + 2 × 2048
      // LayerNorm) + 51200 × 2048 embedding + 51200 × 2048 + 51200 lm_head + 2 × 2048 final.
      {"microsoft--phi-1_5.json", 1'418'270'720, 1'418'270'720},
      {"microsoft--phi-2.json", 2'779'683'840, 2'779'683'840},
      // 24 × (2048 × 6144 + 6144 qkv + 2048² + 2048 dense + 2 × (2048 × 8192) + 8192 + 2048 MLP +
      // 2 × 2 × 2048 LayerNorms) + 2 × 50304 × 2048 embed_in/embed_out + 2 × 2048 final.
      {"EleutherAI--pythia-1.4b.json", 1'414'647'808, 1'414'647'808},
      {"EleutherAI--pythia-6.9b.json", 6'857'302'016, 6'857'302'016},
      // 40 × (4096 × 4608 + 4608 qkv + 4096² dense + 4096 × 27392 + 13696 × 4096 MLP + 2 × 4096
      // RMSNorms) + 2 × 151552 × 4096 embedding/output_layer + 4096 final.
      {"THUDM--glm-4-9b-chat.json", 9'399'951'360, 9'399'951'360},
  }));
  CAPTURE(config.file);
  const auto arch =
      ftcost::parse_hf_config(read_data(std::string("configs/") + config.file), config.file);
  const auto counts = ftcost::count_params(arch);
  CHECK(counts.total == config.computed);
  CHECK(counts.active == counts.total);
  CHECK_THAT(static_cast<double>(counts.total), WithinRel(config.published, 0.005));
  CHECK_FALSE(arch.tied_embeddings);
}

TEST_CASE("Phi has biases everywhere, one LayerNorm per block and an lm_head bias", "[hf_config]") {
  const auto arch = ftcost::parse_hf_config(read_data("configs/microsoft--phi-2.json"), "p.json");
  REQUIRE(arch.blocks.size() == 1);
  const auto& block = arch.blocks.front();
  CHECK(linear_names(arch) ==
        std::vector<std::string>{"q_proj", "k_proj", "v_proj", "dense", "fc1", "fc2"});
  CHECK(std::all_of(block.linears.begin(), block.linears.end(),
                    [](const ftcost::LinearSpec& linear) { return linear.has_bias; }));
  CHECK_FALSE(block.gated_mlp);
  CHECK(block.mlp_hidden == 10240);
  CHECK(block.other_params == std::int64_t{2} * 2560);  // input_layernorm weight + bias
  CHECK(arch.lm_head_params == 51200 * 2560 + 51200);
  CHECK(arch.final_params == std::int64_t{2} * 2560);
  CHECK(arch.head_dim == 80);
  CHECK(arch.num_kv_heads == 32);
}

TEST_CASE("GPT-NeoX fuses query_key_value and keeps biases on every linear", "[hf_config]") {
  const auto arch =
      ftcost::parse_hf_config(read_data("configs/EleutherAI--pythia-1.4b.json"), "p.json");
  REQUIRE(arch.blocks.size() == 1);
  const auto& linears = arch.blocks.front().linears;
  CHECK(linear_names(arch) ==
        std::vector<std::string>{"query_key_value", "dense", "dense_h_to_4h", "dense_4h_to_h"});
  CHECK(linears[0].in_features == 2048);
  CHECK(linears[0].out_features == std::int64_t{3} * 2048);
  CHECK(std::all_of(linears.begin(), linears.end(),
                    [](const ftcost::LinearSpec& linear) { return linear.has_bias; }));
  CHECK(arch.blocks.front().other_params == std::int64_t{2} * 2 * 2048);  // two LayerNorms
  CHECK(arch.lm_head_params == std::int64_t{50304} * 2048);               // embed_out, no bias
  // GPTNeoXConfig.attention_bias=false drops the attention biases only.
  const auto unbiased = ftcost::parse_hf_config(
      replaced(read_data("configs/EleutherAI--pythia-1.4b.json"), "\"bos_token_id\"",
               "\"attention_bias\": false, \"bos_token_id\""),
      "p.json");
  const auto& plain = unbiased.blocks.front().linears;
  CHECK_FALSE(plain[0].has_bias);
  CHECK_FALSE(plain[1].has_bias);
  CHECK(plain[2].has_bias);
  CHECK(plain[3].has_bias);
}

TEST_CASE("ChatGLM reads num_layers, multi_query_group_num, kv_channels and padded_vocab_size",
          "[hf_config]") {
  const auto arch =
      ftcost::parse_hf_config(read_data("configs/THUDM--glm-4-9b-chat.json"), "glm.json");
  CHECK(arch.num_layers == 40);
  CHECK(arch.num_heads == 32);
  CHECK(arch.num_kv_heads == 2);
  CHECK(arch.head_dim == 128);
  CHECK(arch.vocab_size == 151552);
  CHECK(arch.max_position_embeddings == 131072);
  REQUIRE(arch.blocks.size() == 1);
  const auto& block = arch.blocks.front();
  CHECK(linear_names(arch) ==
        std::vector<std::string>{"query_key_value", "dense", "dense_h_to_4h", "dense_4h_to_h"});
  CHECK(block.linears[0].out_features == 4096 + 2 * 2 * 128);
  CHECK(block.linears[0].has_bias);  // add_qkv_bias
  CHECK_FALSE(block.linears[1].has_bias);
  CHECK(block.linears[2].out_features == std::int64_t{2} * 13696);  // gate and up, fused
  CHECK(block.linears[3].in_features == 13696);
  CHECK(block.gated_mlp);
  CHECK(block.mlp_hidden == 13696);
  CHECK(block.other_params == std::int64_t{2} * 4096);  // two RMSNorms
}

TEST_CASE("ChatGLM3-6B's keys give its printed 6,243,584,000 parameters", "[hf_config]") {
  // THUDM/chatglm3-6b (same block as GLM-4-9B: 28 layers, vocab 65024); the figure is what
  // model.num_parameters() prints for it.
  const std::string chatglm3 = R"({"model_type": "chatglm", "add_bias_linear": false,
      "add_qkv_bias": true, "ffn_hidden_size": 13696, "hidden_size": 4096, "kv_channels": 128,
      "multi_query_attention": true, "multi_query_group_num": 2, "num_attention_heads": 32,
      "num_layers": 28, "padded_vocab_size": 65024, "post_layer_norm": true, "rmsnorm": true,
      "seq_length": 8192)";
  const auto arch = ftcost::parse_hf_config(chatglm3 + "}", "c.json");
  CHECK(ftcost::count_params(arch).total == 6'243'584'000);
  // Without multi-query attention every head has its own k and v; without post_layer_norm
  // there is no final norm; rmsnorm false means LayerNorms with biases.
  const auto variant = ftcost::parse_hf_config(
      replaced(replaced(replaced(chatglm3 + "}", "\"multi_query_attention\": true",
                                 "\"multi_query_attention\": false"),
                        "\"post_layer_norm\": true", "\"post_layer_norm\": false"),
               "\"rmsnorm\": true", "\"rmsnorm\": false"),
      "c.json");
  CHECK(variant.num_kv_heads == 32);
  CHECK(variant.final_params == 0);
  CHECK(variant.blocks.front().other_params == std::int64_t{2} * 2 * 4096);
}

TEST_CASE("ChatGLM-6B (v1) is refused, not read as ChatGLM2", "[hf_config]") {
  CHECK_THROWS_WITH(
      ftcost::parse_hf_config(R"({"model_type": "chatglm", "hidden_size": 4096, "num_layers": 28,
          "num_attention_heads": 32, "inner_hidden_size": 16384, "vocab_size": 130528,
          "position_encoding_2d": true})",
                              "v1.json"),
      "v1.json: /inner_hidden_size: ChatGLM-6B (v1) layout is not supported (a ChatGLM2, "
      "ChatGLM3 or GLM-4 config (ffn_hidden_size, multi_query_group_num))");
}

TEST_CASE("fused modules keep PEFT's target names for the LoRA presets", "[hf_config]") {
  const auto neox =
      ftcost::parse_hf_config(read_data("configs/EleutherAI--pythia-6.9b.json"), "n.json");
  const auto glm = ftcost::parse_hf_config(read_data("configs/THUDM--glm-4-9b-chat.json"), "g");
  const auto phi = ftcost::parse_hf_config(read_data("configs/microsoft--phi-1_5.json"), "p");
  // PEFT's default target_modules: query_key_value for gpt_neox and chatglm.
  CHECK(ftcost::expand_lora_targets(neox, {"qv"}) == std::vector<std::string>{"query_key_value"});
  CHECK(ftcost::expand_lora_targets(glm, {"qv"}) == std::vector<std::string>{"query_key_value"});
  CHECK(ftcost::expand_lora_targets(phi, {"qv"}) == std::vector<std::string>{"q_proj", "v_proj"});
  CHECK(ftcost::expand_lora_targets(glm, {"all-linear"}) ==
        std::vector<std::string>{"query_key_value", "dense", "dense_h_to_4h", "dense_4h_to_h"});
  CHECK(ftcost::expand_lora_targets(neox, {"query_key_value", "dense"}).size() == 2);
  CHECK_THROWS_WITH(ftcost::expand_lora_targets(neox, {"q_proj"}),
                    Contains("unknown module 'q_proj'"));
}

TEST_CASE("Gemma 3's sparse text_config takes Gemma3TextConfig's defaults", "[hf_config]") {
  const auto result =
      ftcost::load::read_hf_config(read_data("configs/google--gemma-3-12b-it.json"), "gemma.json");
  const auto& arch = result.arch;
  CHECK(arch.vocab_size == 262208);
  CHECK(arch.head_dim == 256);  // not 3840 / 16 = 240
  CHECK(arch.num_heads == 16);
  CHECK(arch.num_kv_heads == 8);
  CHECK(arch.tied_embeddings);
  CHECK(arch.max_position_embeddings == 131072);
  // 48 × (3840 × 12288 attention + 3 × 3840 × 15360 MLP + 4 × 3840 norms + 2 × 256 QK-norm)
  // + 262208 × 3840 embedding + 3840 final; data/models.json gemma-3-12b lists 11.77B active
  // (its text decoder); keras-hub's gemma3_12b_text 11,765,788,416 has 64 fewer vocab rows.
  CHECK(ftcost::count_params(arch).total == 11'766'034'176);
  CHECK(ftcost::count_params(arch).total == 11'765'788'416 + std::int64_t{64} * 3840);
  REQUIRE(result.assumptions.size() == 3);
  CHECK_THAT(result.assumptions[0].text, Contains("vision_config ignored"));
  CHECK_THAT(result.assumptions[1].text, Contains("gemma3_text ties them by default"));
  CHECK(result.assumptions[2].text ==
        "gemma.json: text_config leaves out head_dim, vocab_size, max_position_embeddings; "
        "Gemma3TextConfig's defaults used (head_dim 256, vocab_size 262208, "
        "max_position_embeddings 131072)");
}

TEST_CASE("Gemma 3 4B's text_config names neither heads nor KV heads", "[hf_config]") {
  // google/gemma-3-4b-it's text_config; 8 heads and 4 KV heads are Gemma3TextConfig's defaults.
  const auto arch = ftcost::parse_hf_config(R"({"model_type": "gemma3",
      "text_config": {"hidden_size": 2560, "intermediate_size": 10240,
        "model_type": "gemma3_text", "num_hidden_layers": 34,
        "rope_scaling": {"factor": 8.0, "rope_type": "linear"}, "sliding_window": 1024}})",
                                            "g4.json");
  CHECK(arch.num_heads == 8);
  CHECK(arch.num_kv_heads == 4);
  // keras-hub gemma3_4b_text: 3,880,099,328 with vocab 262144.
  CHECK(ftcost::count_params(arch).total == 3'880'099'328 + std::int64_t{64} * 2560);
}

TEST_CASE("Qwen3-MoE layers listed in mlp_only_layers are dense", "[hf_config]") {
  // Qwen3-30B-A3B with its first and last layer dense (intermediate_size 6144).
  const auto arch =
      ftcost::parse_hf_config(replaced(read_data("configs/Qwen--Qwen3-30B-A3B.json"),
                                       "\"mlp_only_layers\": []", "\"mlp_only_layers\": [0, 47]"),
                              "q.json");
  REQUIRE(arch.blocks.size() == 2);
  CHECK(arch.blocks[0].layers == 2);
  CHECK(arch.blocks[0].experts_per_token == 0);
  CHECK(arch.blocks[0].mlp_hidden == 6144);
  CHECK(arch.blocks[1].layers == 46);
  CHECK(arch.blocks[1].experts_per_token == 8);
  // Per layer: attention 2048 × (4096 + 2 × 512) + 4096 × 2048, norms 2 × 2048 + QK 2 × 128;
  // MoE 128 experts × 3 × 2048 × 768 + router 128 × 2048 (8 experts active); dense 3 × 2048 ×
  // 6144. Embeddings 2 × 151936 × 2048, final norm 2048.
  constexpr std::int64_t kAttention = 2048 * 5120 + 4096 * 2048 + 2 * 2048 + 2 * 128;
  constexpr std::int64_t kExpert = std::int64_t{3} * 2048 * 768;
  constexpr std::int64_t kRouter = std::int64_t{128} * 2048;
  constexpr std::int64_t kDense = std::int64_t{3} * 2048 * 6144;
  constexpr std::int64_t kOutside = 2 * 151936 * 2048 + 2048;
  const auto counts = ftcost::count_params(arch);
  CHECK(counts.total ==
        2 * (kAttention + kDense) + 46 * (kAttention + 128 * kExpert + kRouter) + kOutside);
  CHECK(counts.total == 29'399'136'256);
  CHECK(counts.active ==
        2 * (kAttention + kDense) + 46 * (kAttention + 8 * kExpert + kRouter) + kOutside);
}

TEST_CASE("Qwen2-MoE combines decoder_sparse_step with mlp_only_layers", "[hf_config]") {
  // A reduced Qwen1.5-MoE-A2.7B: 6 layers, MoE where (i + 1) % 2 == 0 (1, 3, 5) except the
  // listed layer 1, so layers 3 and 5 have experts and 0, 1, 2, 4 a dense MLP of 5632.
  const std::string qwen2_moe = R"({"model_type": "qwen2_moe", "hidden_size": 2048,
      "intermediate_size": 5632, "num_hidden_layers": 6, "num_attention_heads": 16,
      "num_key_value_heads": 16, "vocab_size": 151936, "num_experts": 60,
      "num_experts_per_tok": 4, "moe_intermediate_size": 1408,
      "shared_expert_intermediate_size": 5632, "decoder_sparse_step": 2,
      "mlp_only_layers": [1], "tie_word_embeddings": false})";
  const auto arch = ftcost::parse_hf_config(qwen2_moe, "m.json");
  REQUIRE(arch.blocks.size() == 2);
  CHECK(arch.blocks[0].layers == 4);
  CHECK(arch.blocks[0].mlp_hidden == 5632);
  CHECK(arch.blocks[1].layers == 2);
  CHECK(arch.blocks[1].mlp_hidden == 1408);
  // Per layer: attention 4 × 2048² + 3 × 2048 q/k/v biases, 2 RMSNorms; dense 3 × 2048 × 5632;
  // MoE 60 × 3 × 2048 × 1408 + shared expert 3 × 2048 × 5632 + its gate 2048 + router 60 × 2048.
  constexpr std::int64_t kAttention = 4 * 2048 * 2048 + 3 * 2048 + 2 * 2048;
  constexpr std::int64_t kDense = std::int64_t{3} * 2048 * 5632;
  constexpr std::int64_t kMoe =
      std::int64_t{60} * 3 * 2048 * 1408 + kDense + 2048 + std::int64_t{60} * 2048;
  CHECK(ftcost::count_params(arch).total == 4 * (kAttention + kDense) + 2 * (kAttention + kMoe) +
                                                std::int64_t{2} * 151936 * 2048 + 2048);
  // Every layer listed: a dense model (the routers go with the experts).
  const auto dense = ftcost::parse_hf_config(
      replaced(qwen2_moe, "\"mlp_only_layers\": [1]", "\"mlp_only_layers\": [0, 1, 2, 3, 4, 5]"),
      "m.json");
  REQUIRE(dense.blocks.size() == 1);
  CHECK(dense.blocks[0].layers == 6);
  CHECK(dense.blocks[0].experts_per_token == 0);
}

TEST_CASE("an mlp_only_layers index past the last layer is refused", "[hf_config]") {
  CHECK_THROWS_WITH(
      ftcost::parse_hf_config(replaced(read_data("configs/Qwen--Qwen3-30B-A3B.json"),
                                       "\"mlp_only_layers\": []", "\"mlp_only_layers\": [48]"),
                              "q.json"),
      "q.json: /mlp_only_layers/0: out of range: 48 (an integer from 0 to 47)");
}
