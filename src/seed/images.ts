import sharp from 'sharp'

/**
 * Placeholder artwork for the demo: a soft two-colour gradient with a portrait silhouette or a
 * landscape motif, drawn from the name so every image differs and reruns give the same bytes.
 * No text is drawn, so no fonts are needed on the machine.
 */

function hue(seed: string, offset = 0): number {
  let h = 0
  for (const char of seed) h = (h * 31 + char.charCodeAt(0)) % 360
  return (h + offset) % 360
}

function svg({ seed, width, height, motif }: { seed: string; width: number; height: number; motif: 'portrait' | 'scene' }) {
  const a = hue(seed)
  const b = hue(seed, 60)
  const figure =
    motif === 'portrait'
      ? `<circle cx="${width / 2}" cy="${height * 0.4}" r="${width * 0.18}" fill="hsl(${a} 30% 92%)" opacity="0.9"/>
         <ellipse cx="${width / 2}" cy="${height * 1.02}" rx="${width * 0.36}" ry="${height * 0.34}" fill="hsl(${a} 30% 92%)" opacity="0.9"/>`
      : `<circle cx="${width * 0.75}" cy="${height * 0.3}" r="${height * 0.12}" fill="hsl(${b} 70% 90%)" opacity="0.8"/>
         <path d="M0 ${height * 0.8} L${width * 0.3} ${height * 0.45} L${width * 0.55} ${height * 0.75} L${width * 0.75} ${height * 0.55} L${width} ${height * 0.85} L${width} ${height} L0 ${height} Z" fill="hsl(${a} 35% 25%)" opacity="0.85"/>`
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">
    <defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1">
      <stop offset="0" stop-color="hsl(${a} 55% 48%)"/><stop offset="1" stop-color="hsl(${b} 60% 38%)"/>
    </linearGradient></defs>
    <rect width="100%" height="100%" fill="url(#g)"/>${figure}</svg>`
}

export async function placeholderImage(args: {
  seed: string
  width: number
  height: number
  motif: 'portrait' | 'scene'
}): Promise<Buffer> {
  return sharp(Buffer.from(svg(args))).png({ compressionLevel: 9 }).toBuffer()
}
