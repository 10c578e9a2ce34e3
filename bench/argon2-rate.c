/* Argon2id hash rate on the calling thread (bench/login.sh runs it pinned to the server's core):
 * libsodium's crypto_pwhash with the parameters of a hash the server wrote, so the login figure
 * is compared with the same work. Prints hashes per CPU-second of this process.
 *
 *   argon2-rate <m KiB> <t> <seconds>          (cc -O2 argon2-rate.c -lsodium) */
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static double cpu_seconds(void) {
  struct timespec ts;
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec + ts.tv_nsec / 1e9;
}

int main(int argc, char** argv) {
  if (argc != 4 || sodium_init() < 0) {
    fprintf(stderr, "usage: argon2-rate <m KiB> <t> <seconds>\n");
    return 2;
  }
  size_t mem = (size_t)strtoull(argv[1], NULL, 10) * 1024;
  unsigned long long ops = strtoull(argv[2], NULL, 10);
  double seconds = atof(argv[3]);
  unsigned char salt[crypto_pwhash_SALTBYTES] = {0}, out[32];
  const char password[] = "Bench-pass-0123456789";
  double start = cpu_seconds();
  long n = 0;
  while (cpu_seconds() - start < seconds) {
    if (crypto_pwhash(out, sizeof out, password, sizeof password - 1, salt, ops, mem,
                      crypto_pwhash_ALG_ARGON2ID13) != 0) {
      fprintf(stderr, "argon2-rate: out of memory\n");
      return 1;
    }
    n++;
  }
  printf("%.3f\n", n / (cpu_seconds() - start));
  return 0;
}
