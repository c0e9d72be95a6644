// A report chart as a PNG picture for the DOCX (decision 060). Word needs a raster picture
// (an SVG picture in Word must carry a PNG fallback, and LibreOffice and older Word show only
// that), so the one SVG of the chart renderer is rasterised by resvg with the fonts kept in the
// repository — the same DejaVu Sans the SVG names and the PDF embeds — and no system font, so
// the picture is the same on every machine.
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Resvg } from "@resvg/resvg-js";

// Twice the chart's CSS size: sharp when printed or zoomed, about 40 KB a chart.
const SCALE = 2;
const FONTS = ["DejaVuSans.ttf", "DejaVuSans-Bold.ttf"];

let fontPaths: string[] | undefined;

/** The repository's assets/fonts, from this module upwards (app/reports or build/server). */
function fonts(): string[] {
  if (fontPaths) return fontPaths;
  for (let dir = new URL("./", import.meta.url); ; dir = new URL("../", dir)) {
    const candidate = new URL("assets/fonts/", dir);
    if (existsSync(new URL(FONTS[0]!, candidate))) {
      fontPaths = FONTS.map((f) => fileURLToPath(new URL(f, candidate)));
      return fontPaths;
    }
    if (dir.pathname === "/") throw new Error("assets/fonts not found above " + import.meta.url);
  }
}

export function chartPng(svg: string, width: number): Uint8Array {
  const resvg = new Resvg(svg, {
    fitTo: { mode: "width", value: width * SCALE },
    background: "#ffffff",
    font: {
      fontFiles: fonts(),
      loadSystemFonts: false,
      defaultFontFamily: "DejaVu Sans",
      sansSerifFamily: "DejaVu Sans",
    },
  });
  const png = resvg.render().asPng();
  return new Uint8Array(png.buffer, png.byteOffset, png.byteLength);
}
