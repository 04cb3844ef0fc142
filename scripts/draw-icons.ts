// Draws the add-in's icons (assets/icon-{16,32,64,80}.png): a green square with a white survey sheet and an
// amber check badge. Shapes are tested per sub-pixel (4×4 samples) and written by the small PNG encoder below,
// so no canvas or image package is needed. Run: npm run icons
import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { deflateSync } from 'node:zlib';

type RGB = [number, number, number];
type Shape = { color: RGB; inside: (x: number, y: number) => boolean };

const GREEN: RGB = [0x1e, 0x6b, 0x52];
const WHITE: RGB = [0xff, 0xff, 0xff];
const RULE: RGB = [0x9c, 0xc9, 0xb6];
const AMBER: RGB = [0xf2, 0xa9, 0x00];

function roundedRect(x0: number, y0: number, x1: number, y1: number, r: number) {
  return (x: number, y: number): boolean => {
    if (x < x0 || x > x1 || y < y0 || y > y1) return false;
    const dx = Math.max(x0 + r - x, 0, x - (x1 - r));
    const dy = Math.max(y0 + r - y, 0, y - (y1 - r));
    return dx * dx + dy * dy <= r * r;
  };
}

function segment(ax: number, ay: number, bx: number, by: number, halfWidth: number) {
  return (x: number, y: number): boolean => {
    const t = Math.max(0, Math.min(1, ((x - ax) * (bx - ax) + (y - ay) * (by - ay)) / ((bx - ax) ** 2 + (by - ay) ** 2)));
    return (x - ax - t * (bx - ax)) ** 2 + (y - ay - t * (by - ay)) ** 2 <= halfWidth * halfWidth;
  };
}

const circle = (cx: number, cy: number, r: number) => (x: number, y: number) => (x - cx) ** 2 + (y - cy) ** 2 <= r * r;

/** Painted in order, later shapes on top; coordinates are fractions of the icon's side. */
const SHAPES: Shape[] = [
  { color: GREEN, inside: roundedRect(0, 0, 1, 1, 0.18) },
  { color: WHITE, inside: roundedRect(0.17, 0.12, 0.69, 0.88, 0.05) },
  ...[0.3, 0.44, 0.58].map((y) => ({ color: RULE, inside: roundedRect(0.25, y, 0.61, y + 0.06, 0.01) })),
  { color: WHITE, inside: circle(0.7, 0.7, 0.27) },
  { color: AMBER, inside: circle(0.7, 0.7, 0.22) },
  { color: WHITE, inside: segment(0.59, 0.7, 0.67, 0.79, 0.045) },
  { color: WHITE, inside: segment(0.67, 0.79, 0.82, 0.6, 0.045) },
];

function draw(size: number): Uint8Array {
  const S = 4;
  const px = new Uint8Array(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const acc = [0, 0, 0, 0];
      for (let sy = 0; sy < S; sy++) {
        for (let sx = 0; sx < S; sx++) {
          const u = (x + (sx + 0.5) / S) / size;
          const v = (y + (sy + 0.5) / S) / size;
          let color: RGB | null = null;
          for (const s of SHAPES) if (s.inside(u, v)) color = s.color;
          if (!color) continue;
          acc[0]! += color[0];
          acc[1]! += color[1];
          acc[2]! += color[2];
          acc[3]! += 1;
        }
      }
      const i = (y * size + x) * 4;
      const n = acc[3]!;
      // Colour averaged over the covered samples; coverage becomes alpha (a straight-alpha PNG).
      px[i] = n ? Math.round(acc[0]! / n) : 0;
      px[i + 1] = n ? Math.round(acc[1]! / n) : 0;
      px[i + 2] = n ? Math.round(acc[2]! / n) : 0;
      px[i + 3] = Math.round((255 * n) / (S * S));
    }
  }
  return px;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/** An 8-bit RGBA PNG, every scanline with filter 0. */
function encodePng(width: number, height: number, rgba: Uint8Array): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 6, 0, 0, 0], 8);
  const raw = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y++) raw.set(rgba.subarray(y * width * 4, (y + 1) * width * 4), y * (width * 4 + 1) + 1);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', new Uint8Array(0)),
  ]);
}

const dir = path.join(__dirname, '..', 'assets');
for (const size of [16, 32, 64, 80]) {
  const file = path.join(dir, `icon-${size}.png`);
  writeFileSync(file, encodePng(size, size, draw(size)));
  console.log(`${path.relative(process.cwd(), file)} (${size}×${size})`);
}
