// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
// A stand-in for libFuzzer's driver where it is not available (GCC builds): runs every file of the given folders,
// then deterministic mutations of each (every truncation point of small files, byte flips, deletions, duplications),
// through the harness.
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <random>
#include <string>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size);

namespace
{
void run(const std::string &input)
{
    LLVMFuzzerTestOneInput(reinterpret_cast<const std::uint8_t *>(input.data()), input.size());
}
} // namespace

int main(int argc, char **argv)
{
    std::vector<std::string> seeds;
    for (int i = 1; i < argc; ++i) {
        std::error_code ec;
        for (const auto &entry : std::filesystem::directory_iterator(argv[i], ec)) {
            std::ifstream in(entry.path(), std::ios::binary);
            seeds.emplace_back(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
        }
    }
    if (seeds.empty()) {
        std::fprintf(stderr, "no seed files found\n");
        return 1;
    }
    std::mt19937 random(20261123);
    std::size_t runs = 0;
    const char interesting[] = { '{', '}', '[', ']', '"', ',', ':', '\\', '\0', '\xff', '\xc3', 'u', '*', '$' };
    for (const std::string &seed : seeds) {
        run(seed);
        ++runs;
        for (std::size_t cut = 0; cut < seed.size(); cut += std::max<std::size_t>(1, seed.size() / 256)) {
            run(seed.substr(0, cut));
            ++runs;
        }
        for (int i = 0; i < 3000 && !seed.empty(); ++i) {
            std::string mutated = seed;
            const std::size_t at = random() % mutated.size();
            switch (random() % 4) {
            case 0:
                mutated[at] = interesting[random() % sizeof interesting];
                break;
            case 1:
                mutated.erase(at, 1 + random() % 8);
                break;
            case 2:
                mutated.insert(at, mutated.substr(at, 1 + random() % 32));
                break;
            default:
                mutated[at] = static_cast<char>(random() % 256);
                break;
            }
            run(mutated);
            ++runs;
        }
    }
    std::printf("replayed %zu inputs\n", runs);
    return 0;
}
