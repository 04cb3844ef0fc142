// CRC-32 (the zip polynomial), in plain code so the same check runs in Node and in the page. Eight bytes per
// step through eight tables ("slicing-by-8"): the reader checks every part it inflates and every part it writes.

const TABLES = (() => {
  const t = Array.from({ length: 8 }, () => new Uint32Array(256));
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[0]![n] = c >>> 0;
  }
  for (let n = 0; n < 256; n++) {
    for (let k = 1; k < 8; k++) t[k]![n] = (t[k - 1]![n]! >>> 8) ^ t[0]![t[k - 1]![n]! & 0xff]!;
  }
  return t;
})();
const [T0, T1, T2, T3, T4, T5, T6, T7] = TABLES as [Uint32Array, Uint32Array, Uint32Array, Uint32Array, Uint32Array, Uint32Array, Uint32Array, Uint32Array];

/** Incremental form, for data in pieces: crc32Final(crc32Update(crc32Update(CRC_INIT, a), b)). */
export const CRC_INIT = 0xffffffff;

export function crc32Update(crc: number, data: Uint8Array): number {
  let c = crc;
  let i = 0;
  for (const stop = data.length - 8; i <= stop; i += 8) {
    const a = (c ^ (data[i]! | (data[i + 1]! << 8) | (data[i + 2]! << 16) | (data[i + 3]! << 24))) >>> 0;
    c =
      T7[a & 0xff]! ^
      T6[(a >>> 8) & 0xff]! ^
      T5[(a >>> 16) & 0xff]! ^
      T4[a >>> 24]! ^
      T3[data[i + 4]!]! ^
      T2[data[i + 5]!]! ^
      T1[data[i + 6]!]! ^
      T0[data[i + 7]!]!;
  }
  for (; i < data.length; i++) c = T0[(c ^ data[i]!) & 0xff]! ^ (c >>> 8);
  return c;
}

export function crc32Final(crc: number): number {
  return (crc ^ 0xffffffff) >>> 0;
}

export function crc32(data: Uint8Array): number {
  return crc32Final(crc32Update(CRC_INIT, data));
}
