/* check: the few macros the C unit tests share. */
#ifndef PMUX_TEST_CHECK_H
#define PMUX_TEST_CHECK_H

#include <stdio.h>
#include <string.h>

static int check_failures;

#define CHECK(cond)                                                                              \
	do {                                                                                     \
		if (!(cond)) {                                                                   \
			fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #cond); \
			check_failures++;                                                        \
		}                                                                                \
	} while (0)

#define CHECK_INT(a, b)                                                                           \
	do {                                                                                      \
		long long a_ = (long long)(a), b_ = (long long)(b);                               \
		if (a_ != b_) {                                                                   \
			fprintf(stderr, "%s:%d: %s == %lld, expected %lld\n", __FILE__, __LINE__, \
				#a, a_, b_);                                                      \
			check_failures++;                                                         \
		}                                                                                 \
	} while (0)

#define CHECK_STR(a, b)                                                                     \
	do {                                                                                \
		const char *a_ = (a), *b_ = (b);                                            \
		if (a_ == NULL || strcmp(a_, b_) != 0) {                                    \
			fprintf(stderr, "%s:%d: %s == \"%s\", expected \"%s\"\n", __FILE__, \
				__LINE__, #a, a_ ? a_ : "(null)", b_);                      \
			check_failures++;                                                   \
		}                                                                           \
	} while (0)

#define CHECK_DONE()                                                             \
	do {                                                                     \
		if (check_failures) {                                            \
			fprintf(stderr, "%d check(s) failed\n", check_failures); \
			return 1;                                                \
		}                                                                \
		printf("all checks passed\n");                                   \
		return 0;                                                        \
	} while (0)

#endif
