/*
 * hash_kunci.h
 *		A 64-bit key (NIK, KK number, id) to a 32-bit hash, for simplehash tables.
 */
#ifndef DTKS_HASH_KUNCI_H
#define DTKS_HASH_KUNCI_H

/* The murmur3 finaliser: every key bit moves every hash bit. */
static inline uint32
hash_kunci(int64 kunci)
{
	uint64		h = (uint64) kunci;

	h ^= h >> 33;
	h *= UINT64CONST(0xff51afd7ed558ccd);
	h ^= h >> 33;
	h *= UINT64CONST(0xc4ceb9fe1a85ec53);
	h ^= h >> 33;
	return (uint32) h;
}

#endif
