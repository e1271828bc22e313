// Draws the application and tray icons as PNG files with no dependencies beyond Node's zlib.
// Run `node resources/generate-icons.mjs` after changing the drawing; the PNGs are committed.
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

const outDir = dirname(fileURLToPath(import.meta.url));

const NAVY = [12, 23, 38, 255];
const GREEN = [46, 204, 113, 255];
const RED = [231, 76, 60, 255];
const TRANSPARENT = [0, 0, 0, 0];

/** CRC-32 as the PNG specification defines it (polynomial 0xEDB88320). */
const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) {
    c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  }
  return c >>> 0;
});

function crc32(buffer) {
  let crc = 0xffffffff;
  for (const byte of buffer) {
    crc = crcTable[(crc ^ byte) & 0xff] ^ (crc >>> 8);
  }
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typeAndData = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typeAndData));
  return Buffer.concat([length, typeAndData, crc]);
}

/** Encodes an RGBA image, given as a function of (x, y), as an 8-bit truecolour-with-alpha PNG. */
function encodePng(size, pixelAt) {
  const rowLength = size * 4 + 1;
  const raw = Buffer.alloc(rowLength * size);
  for (let y = 0; y < size; y += 1) {
    raw[y * rowLength] = 0; // filter type None
    for (let x = 0; x < size; x += 1) {
      const [r, g, b, a] = pixelAt(x, y);
      raw.set([r, g, b, a], y * rowLength + 1 + x * 4);
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // colour type RGBA
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([
    signature,
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** Returns the pixel function of the logo: a rounded navy square with a green "L", plus a red dot for alerts. */
function drawLogo(size, alert) {
  const radius = size * 0.18;
  return (x, y) => {
    const u = (x + 0.5) / size;
    const v = (y + 0.5) / size;
    if (alert) {
      const dx = u - 0.78;
      const dy = v - 0.22;
      if (dx * dx + dy * dy < 0.2 * 0.2) {
        return RED;
      }
    }
    const cx = Math.min(Math.max(x + 0.5, radius), size - radius);
    const cy = Math.min(Math.max(y + 0.5, radius), size - radius);
    const outside = (x + 0.5 - cx) ** 2 + (y + 0.5 - cy) ** 2 > radius * radius;
    if (outside) {
      return TRANSPARENT;
    }
    const inStem = u >= 0.3 && u <= 0.44 && v >= 0.2 && v <= 0.8;
    const inFoot = u >= 0.3 && u <= 0.72 && v >= 0.66 && v <= 0.8;
    return inStem || inFoot ? GREEN : NAVY;
  };
}

const icons = [
  { file: 'icon.png', size: 512, alert: false },
  { file: 'tray.png', size: 32, alert: false },
  { file: 'tray-alert.png', size: 32, alert: true },
];

for (const { file, size, alert } of icons) {
  writeFileSync(join(outDir, file), encodePng(size, drawLogo(size, alert)));
}
