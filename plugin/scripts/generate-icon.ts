// Draws the plug-in icon once: `pnpm icon` writes static/image/icon.png, which is committed.
// Not part of the runtime build.
import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { encodePng } from './png';

type Rgba = readonly [number, number, number, number];

export const ICON_SIZE = 112;
const SAMPLES = 4; // 4×4 samples per pixel for smooth edges

function insideRoundedRect(
  x: number,
  y: number,
  left: number,
  top: number,
  right: number,
  bottom: number,
  radius: number,
) {
  const cx = Math.min(Math.max(x, left + radius), right - radius);
  const cy = Math.min(Math.max(y, top + radius), bottom - radius);
  return (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2 && x >= left && x <= right && y >= top && y <= bottom;
}

function insideCircle(x: number, y: number, cx: number, cy: number, r: number) {
  return (x - cx) ** 2 + (y - cy) ** 2 <= r ** 2;
}

function insideTriangle(x: number, y: number, [ax, ay, bx, by, cx, cy]: readonly number[]) {
  const sign = (px: number, py: number, qx: number, qy: number, rx: number, ry: number) =>
    (px - rx) * (qy - ry) - (qx - rx) * (py - ry);
  const d1 = sign(x, y, ax as number, ay as number, bx as number, by as number);
  const d2 = sign(x, y, bx as number, by as number, cx as number, cy as number);
  const d3 = sign(x, y, cx as number, cy as number, ax as number, ay as number);
  const negative = d1 < 0 || d2 < 0 || d3 < 0;
  const positive = d1 > 0 || d2 > 0 || d3 > 0;
  return !(negative && positive);
}

/** The colour at one point of the icon (in a 112-unit square), top layer first. */
function colourAt(x: number, y: number): Rgba {
  const s = ICON_SIZE / 112;
  const u = x / s;
  const v = y / s;
  // Red notification badge, top right.
  if (insideCircle(u, v, 86, 26, 13)) return [239, 75, 63, 255];
  if (insideCircle(u, v, 86, 26, 17)) return [255, 255, 255, 255];
  // Three dots inside the speech bubble.
  for (const dx of [38, 56, 74]) if (insideCircle(u, v, dx, 58, 6)) return [41, 128, 185, 255];
  // White speech bubble with a tail at the lower left.
  if (insideRoundedRect(u, v, 20, 32, 92, 82, 16) || insideTriangle(u, v, [30, 76, 50, 78, 26, 96])) {
    return [255, 255, 255, 255];
  }
  // Blue rounded square with a vertical gradient.
  if (insideRoundedRect(u, v, 0, 0, 112, 112, 24)) {
    const t = v / 112;
    return [Math.round(52 + (29 - 52) * t), Math.round(152 + (111 - 152) * t), Math.round(219 + (165 - 219) * t), 255];
  }
  return [0, 0, 0, 0];
}

export function drawIcon(size: number = ICON_SIZE): Uint8Array {
  const pixels = new Uint8Array(size * size * 4);
  const scale = ICON_SIZE / size;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let sy = 0; sy < SAMPLES; sy++) {
        for (let sx = 0; sx < SAMPLES; sx++) {
          const [cr, cg, cb, ca] = colourAt((px + (sx + 0.5) / SAMPLES) * scale, (py + (sy + 0.5) / SAMPLES) * scale);
          // Premultiplied accumulation keeps transparent samples from darkening the edges.
          r += cr * ca;
          g += cg * ca;
          b += cb * ca;
          a += ca;
        }
      }
      const offset = (py * size + px) * 4;
      pixels[offset] = a === 0 ? 0 : Math.round(r / a);
      pixels[offset + 1] = a === 0 ? 0 : Math.round(g / a);
      pixels[offset + 2] = a === 0 ? 0 : Math.round(b / a);
      pixels[offset + 3] = Math.round(a / (SAMPLES * SAMPLES));
    }
  }
  return pixels;
}

async function main(): Promise<void> {
  const target = fileURLToPath(new URL('../static/image/icon.png', import.meta.url));
  await writeFile(target, encodePng(ICON_SIZE, ICON_SIZE, drawIcon()));
  console.log(`Wrote ${target} (${ICON_SIZE}×${ICON_SIZE})`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main();
