// Draws the add-in icon (a ledger sheet and a coin on a green tile) at the sizes Office asks for,
// into assets/. Run with `node scripts/make-icons.mjs`; the PNGs are committed.
import { writeFileSync } from "node:fs";
import { deflateSync } from "node:zlib";

const SIZES = [16, 32, 64, 80, 128];
const GREEN = [30, 107, 71];
const DARK = [18, 74, 48];
const WHITE = [255, 255, 255];
const GOLD = [232, 176, 36];

function roundedRect(x, y, x0, y0, x1, y1, r) {
  const cx = Math.min(Math.max(x, x0 + r), x1 - r);
  const cy = Math.min(Math.max(y, y0 + r), y1 - r);
  return x >= x0 && x <= x1 && y >= y0 && y <= y1 && (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
}

// Colour at a point of the unit square, or null for transparent.
function paint(u, v) {
  if (Math.hypot(u - 0.72, v - 0.72) <= 0.2) {
    return Math.hypot(u - 0.72, v - 0.72) >= 0.16 ? DARK : GOLD;
  }
  if (roundedRect(u, v, 0.24, 0.14, 0.7, 0.86, 0.04)) {
    const line = [0.32, 0.46, 0.6, 0.74].some((y) => Math.abs(v - y) < 0.03) && u > 0.3 && u < 0.64;
    return line ? GREEN : WHITE;
  }
  return roundedRect(u, v, 0.02, 0.02, 0.98, 0.98, 0.18) ? GREEN : null;
}

function crc32(buf) {
  let c = ~0;
  for (const byte of buf) {
    c ^= byte;
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0xedb88320 : c >>> 1;
  }
  return ~c >>> 0;
}

function chunk(type, data) {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, "ascii");
  data.copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

function png(size) {
  const SS = 4;
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    for (let x = 0; x < size; x++) {
      const acc = [0, 0, 0, 0];
      for (let sy = 0; sy < SS; sy++) {
        for (let sx = 0; sx < SS; sx++) {
          const colour = paint((x + (sx + 0.5) / SS) / size, (y + (sy + 0.5) / SS) / size);
          if (!colour) continue;
          acc[0] += colour[0];
          acc[1] += colour[1];
          acc[2] += colour[2];
          acc[3] += 1;
        }
      }
      const at = y * (size * 4 + 1) + 1 + x * 4;
      const n = acc[3] || 1;
      raw[at] = Math.round(acc[0] / n);
      raw[at + 1] = Math.round(acc[1] / n);
      raw[at + 2] = Math.round(acc[2] / n);
      raw[at + 3] = Math.round((255 * acc[3]) / (SS * SS));
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8;
  header[9] = 6;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(raw)),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

for (const size of SIZES) writeFileSync(new URL(`../assets/icon-${size}.png`, import.meta.url), png(size));
console.log(`icons: ${SIZES.join(", ")} px`);
