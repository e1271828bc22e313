// Draws the application and tray icons with no dependencies beyond Node's zlib: PNG files, the
// Windows .ico, the macOS .icns and the Linux icon set that electron-builder packages.
// Run `node resources/generate-icons.mjs` after changing the drawing; the files are committed.
// `--check` writes nothing and exits with 1 when a committed file differs from the drawing.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
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

/**
 * Packs PNG images into a Windows .ico file. Windows Vista and later read PNG-compressed
 * entries; a width or height of 256 is stored as 0, as the format requires.
 */
function encodeIco(images) {
  const header = Buffer.alloc(6);
  header.writeUInt16LE(0, 0); // reserved
  header.writeUInt16LE(1, 2); // type 1: icon
  header.writeUInt16LE(images.length, 4);
  const entries = [];
  let offset = 6 + 16 * images.length;
  for (const { size, png } of images) {
    const entry = Buffer.alloc(16);
    entry[0] = size >= 256 ? 0 : size;
    entry[1] = size >= 256 ? 0 : size;
    entry[2] = 0; // no palette
    entry[3] = 0; // reserved
    entry.writeUInt16LE(1, 4); // colour planes
    entry.writeUInt16LE(32, 6); // bits per pixel
    entry.writeUInt32LE(png.length, 8);
    entry.writeUInt32LE(offset, 12);
    entries.push(entry);
    offset += png.length;
  }
  return Buffer.concat([header, ...entries, ...images.map(({ png }) => png)]);
}

/**
 * Packs PNG images into a macOS .icns file. Each element has a four-character type that fixes
 * its pixel size; the PNG-based types below are read by macOS 10.7 and later.
 */
function encodeIcns(elements) {
  const chunks = elements.map(({ type, png }) => {
    const header = Buffer.alloc(8);
    header.write(type, 0, 'ascii');
    header.writeUInt32BE(png.length + 8, 4);
    return Buffer.concat([header, png]);
  });
  const header = Buffer.alloc(8);
  header.write('icns', 0, 'ascii');
  header.writeUInt32BE(8 + chunks.reduce((total, chunk) => total + chunk.length, 0), 4);
  return Buffer.concat([header, ...chunks]);
}

const logoPngs = new Map();

/** Returns the app logo as a PNG of `size` pixels, drawing each size once. */
function logoPng(size) {
  if (!logoPngs.has(size)) {
    logoPngs.set(size, encodePng(size, drawLogo(size, false)));
  }
  return logoPngs.get(size);
}

/** Sizes in the Windows icon: the shell picks one per view, up to 256 for large tiles. */
export const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256];

/** .icns element types and their pixel sizes (the @2x types carry double the point size). */
export const ICNS_ELEMENTS = [
  { type: 'ic11', size: 32 }, // 16 pt @2x
  { type: 'ic12', size: 64 }, // 32 pt @2x
  { type: 'ic07', size: 128 },
  { type: 'ic13', size: 256 }, // 128 pt @2x
  { type: 'ic08', size: 256 },
  { type: 'ic14', size: 512 }, // 256 pt @2x
  { type: 'ic09', size: 512 },
  { type: 'ic10', size: 1024 }, // 512 pt @2x
];

/** Sizes of the Linux icon set, installed under hicolor/NxN/apps by the deb and AppImage targets. */
export const LINUX_ICON_SIZES = [16, 32, 48, 64, 128, 256, 512];

/** Renders every generated file, keyed by path relative to this folder. */
function renderIcons() {
  const files = [
    // electron-builder requires at least 512x512 on macOS and recommends 1024x1024.
    { file: 'icon.png', data: logoPng(1024) },
    { file: 'tray.png', data: encodePng(32, drawLogo(32, false)) },
    { file: 'tray-alert.png', data: encodePng(32, drawLogo(32, true)) },
    { file: 'icon.ico', data: encodeIco(ICO_SIZES.map((size) => ({ size, png: logoPng(size) }))) },
    { file: 'icon.icns', data: encodeIcns(ICNS_ELEMENTS.map(({ type, size }) => ({ type, png: logoPng(size) }))) },
  ];
  for (const size of LINUX_ICON_SIZES) {
    files.push({ file: join('icons', `${size}x${size}.png`), data: logoPng(size) });
  }
  return files;
}

const check = process.argv.includes('--check');
const stale = [];
for (const { file, data } of renderIcons()) {
  const path = join(outDir, file);
  if (check) {
    if (!existsSync(path) || !readFileSync(path).equals(data)) {
      stale.push(file);
    }
    continue;
  }
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, data);
}
if (stale.length > 0) {
  process.stderr.write(`icons out of date: ${stale.join(', ')}; run "node resources/generate-icons.mjs" and commit them\n`);
  process.exit(1);
}
