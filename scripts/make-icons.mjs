#!/usr/bin/env node
// Draws Onramp's icon (a white ramp rising on a blue rounded square, with an amber dot at its top)
// and writes it as PNGs: build/icon.png (1024×1024, from which electron-builder derives the macOS
// .icns and the Windows .ico) and build/icons/<n>x<n>.png (the Linux icon set).
// No image library: the shapes are computed per pixel with 4×4 supersampling and encoded with zlib.
// Run `node scripts/make-icons.mjs` after changing the design; the PNGs are committed.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}

/** Encode RGBA pixels (Uint8Array, size×size×4) as a PNG. */
export function encodePng(size, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // colour type RGBA
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0; // filter: none
    Buffer.from(rgba.buffer, y * size * 4, size * 4).copy(raw, y * (size * 4 + 1) + 1);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

// The design, in unit coordinates (0..1, y down).
const MARGIN = 0.08; // transparent margin, as macOS icons have
const RADIUS = 0.2; // corner radius of the rounded square
const TOP = [0x2f, 0x80, 0xed];
const BOTTOM = [0x0b, 0x3d, 0x91];
const RAMP = [[0.22, 0.74], [0.78, 0.74], [0.78, 0.3]]; // bottom-left, bottom-right, top-right
const DOT = { x: 0.66, y: 0.27, r: 0.075, colour: [0xff, 0xb3, 0x2e] };

function inRoundedSquare(x, y) {
  const lo = MARGIN + RADIUS;
  const hi = 1 - MARGIN - RADIUS;
  if (x < MARGIN || x > 1 - MARGIN || y < MARGIN || y > 1 - MARGIN) return false;
  const cx = Math.min(Math.max(x, lo), hi);
  const cy = Math.min(Math.max(y, lo), hi);
  return (x - cx) ** 2 + (y - cy) ** 2 <= RADIUS ** 2;
}
function inTriangle(x, y, [a, b, c]) {
  const s = (p, q) => (x - q[0]) * (p[1] - q[1]) - (p[0] - q[0]) * (y - q[1]);
  const d1 = s(a, b), d2 = s(b, c), d3 = s(c, a);
  return !((d1 < 0 || d2 < 0 || d3 < 0) && (d1 > 0 || d2 > 0 || d3 > 0));
}

/** The colour (premultiplied sums) of one sample point. */
function sample(x, y) {
  if (!inRoundedSquare(x, y)) return null;
  if ((x - DOT.x) ** 2 + (y - DOT.y) ** 2 <= DOT.r ** 2) return DOT.colour;
  if (inTriangle(x, y, RAMP)) return [0xff, 0xff, 0xff];
  const t = (y - MARGIN) / (1 - 2 * MARGIN);
  return TOP.map((v, i) => Math.round(v + (BOTTOM[i] - v) * t));
}

/** Render the icon at `size` pixels square. */
export function renderIcon(size) {
  const ss = 4;
  const px = new Uint8Array(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      let r = 0, g = 0, b = 0, a = 0;
      for (let sy = 0; sy < ss; sy++) {
        for (let sx = 0; sx < ss; sx++) {
          const c = sample((x + (sx + 0.5) / ss) / size, (y + (sy + 0.5) / ss) / size);
          if (c) {
            r += c[0];
            g += c[1];
            b += c[2];
            a++;
          }
        }
      }
      const i = (y * size + x) * 4;
      if (a) {
        px[i] = Math.round(r / a);
        px[i + 1] = Math.round(g / a);
        px[i + 2] = Math.round(b / a);
        px[i + 3] = Math.round((a / (ss * ss)) * 255);
      }
    }
  }
  return encodePng(size, px);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  mkdirSync(join(root, 'build', 'icons'), { recursive: true });
  writeFileSync(join(root, 'build', 'icon.png'), renderIcon(1024));
  for (const size of [16, 32, 48, 64, 128, 256, 512]) {
    writeFileSync(join(root, 'build', 'icons', `${size}x${size}.png`), renderIcon(size));
  }
  console.log('wrote build/icon.png and build/icons/*.png');
}
