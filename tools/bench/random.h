#pragma once
// Random: a seeded source of the draws the corpus generator needs. Wraps std::mt19937_64, whose
// output the standard fixes bit for bit, and does its own conversions to ranges and reals,
// because std::uniform_int_distribution and friends are implementation-defined and would make
// the corpus differ between libstdc++ and libc++. Not thread-safe; one per document.

#include <cstddef>
#include <cstdint>
#include <random>

namespace tools::bench {

class Random {
 public:
  explicit Random(std::uint64_t seed) : engine_(seed) {}

  // Uniform in [0, n); n > 0. Rejection keeps it unbiased: values below 2^64 mod n would be
  // drawn once more than the others.
  std::uint64_t below(std::uint64_t n) {
    const std::uint64_t threshold = (0 - n) % n;
    for (;;) {
      std::uint64_t r = engine_();
      if (r >= threshold) return r % n;
    }
  }

  // Uniform in [low, high], both included.
  int between(int low, int high) {
    return low + static_cast<int>(below(static_cast<std::uint64_t>(high - low) + 1));
  }

  // Uniform in [0, 1): the top 53 bits, exactly representable as a double.
  double unit() { return static_cast<double>(engine_() >> 11) * 0x1.0p-53; }

  bool chance(double probability) { return unit() < probability; }

 private:
  std::mt19937_64 engine_;
};

// SplitMix64's finaliser: turns (seed, document number) into well-mixed, independent seeds, so
// document i is the same whatever the corpus size or file split.
inline std::uint64_t mix_seed(std::uint64_t seed, std::uint64_t index) {
  std::uint64_t z = seed + 0x9E3779B97F4A7C15ULL * (index + 1);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  return z ^ (z >> 31);
}

}  // namespace tools::bench
