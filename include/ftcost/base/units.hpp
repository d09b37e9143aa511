// Unit constants shared by every layer; nothing else lives here.
#pragma once

#include <cstdint>

namespace ftcost {

/// Bytes in one GiB (2^30), the unit PyTorch and nvidia-smi report memory in.
inline constexpr double kBytesPerGiB = 1024.0 * 1024.0 * 1024.0;
/// Bytes in one GB (10^9), the unit vendors print on datasheets and providers bill storage in.
inline constexpr double kBytesPerGB = 1e9;
/// Seconds in one hour.
inline constexpr double kSecondsPerHour = 3600.0;
/// Hours in a billing month, as AWS, GCP and Azure prorate $/GB-month (730 h = 8760 h / 12).
inline constexpr double kHoursPerMonth = 730.0;

/// Converts bytes to GiB (2^30 bytes).
[[nodiscard]] constexpr double bytes_to_gib(double bytes) noexcept {
  return bytes / kBytesPerGiB;
}
/// Converts GiB (2^30 bytes) to bytes.
[[nodiscard]] constexpr double gib_to_bytes(double gib) noexcept {
  return gib * kBytesPerGiB;
}

}  // namespace ftcost
