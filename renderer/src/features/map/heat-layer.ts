import type { CustomLayerInterface, CustomRenderMethodInput, Map as MlMap } from 'maplibre-gl';
import { heatMesh, matrixAt, type Corners, type HeatMesh } from './heat-mesh';

/** The heat image: RGBA, straight (not premultiplied) alpha, row 0 = north. */
export interface HeatImage { width: number; height: number; pixels: Uint8Array | Uint8ClampedArray }

const VERTEX = `#version 300 es
uniform mat4 u_matrix;
in vec2 a_pos;
in vec2 a_uv;
out vec2 v_uv;
void main() { v_uv = a_uv; gl_Position = u_matrix * vec4(a_pos, 0.0, 1.0); }`;

// One nearest texel a pixel, premultiplied for MapLibre's blending (ONE, ONE_MINUS_SRC_ALPHA).
const FRAGMENT = `#version 300 es
precision mediump float;
uniform sampler2D u_image;
uniform float u_opacity;
in vec2 v_uv;
out vec4 fragColor;
void main() { vec4 c = texture(u_image, v_uv); fragColor = vec4(c.rgb * c.a, c.a) * u_opacity; }`;

interface Gl {
  program: WebGLProgram; vao: WebGLVertexArrayObject; buffer: WebGLBuffer; texture: WebGLTexture;
  matrix: WebGLUniformLocation | null; opacity: WebGLUniformLocation | null; image: WebGLUniformLocation | null;
}

function compile(gl: WebGL2RenderingContext, type: number, source: string): WebGLShader {
  const s = gl.createShader(type)!;
  gl.shaderSource(s, source); gl.compileShader(s);
  if (!gl.getShaderParameter(s, gl.COMPILE_STATUS) && !gl.isContextLost()) throw new Error(`heatmap shader: ${gl.getShaderInfoLog(s)}`);
  return s;
}

function createGl(gl: WebGL2RenderingContext): Gl {
  const program = gl.createProgram();
  const vs = compile(gl, gl.VERTEX_SHADER, VERTEX); const fs = compile(gl, gl.FRAGMENT_SHADER, FRAGMENT);
  gl.attachShader(program, vs); gl.attachShader(program, fs);
  gl.linkProgram(program);
  gl.deleteShader(vs); gl.deleteShader(fs);
  const buffer = gl.createBuffer(); const vao = gl.createVertexArray();
  gl.bindVertexArray(vao); gl.bindBuffer(gl.ARRAY_BUFFER, buffer);
  const pos = gl.getAttribLocation(program, 'a_pos'); const uv = gl.getAttribLocation(program, 'a_uv');
  gl.enableVertexAttribArray(pos); gl.vertexAttribPointer(pos, 2, gl.FLOAT, false, 16, 0);
  gl.enableVertexAttribArray(uv); gl.vertexAttribPointer(uv, 2, gl.FLOAT, false, 16, 8);
  gl.bindVertexArray(null);
  const texture = gl.createTexture();
  gl.bindTexture(gl.TEXTURE_2D, texture);
  for (const [k, v] of [[gl.TEXTURE_MIN_FILTER, gl.NEAREST], [gl.TEXTURE_MAG_FILTER, gl.NEAREST], [gl.TEXTURE_WRAP_S, gl.CLAMP_TO_EDGE], [gl.TEXTURE_WRAP_T, gl.CLAMP_TO_EDGE]]) gl.texParameteri(gl.TEXTURE_2D, k, v);
  return {
    program, vao, buffer, texture,
    matrix: gl.getUniformLocation(program, 'u_matrix'), opacity: gl.getUniformLocation(program, 'u_opacity'), image: gl.getUniformLocation(program, 'u_image'),
  };
}

/**
 * The heatmap as a MapLibre custom layer: one texture, uploaded when the heat changes, drawn over
 * its non-transparent blocks with a one-sample shader (a raster layer samples two textures and
 * adjusts colour at every pixel, which software GL pays for at every frame of a pan or zoom).
 * Takes its place in the layer order like any layer (`beforeId`, `moveLayer`) and hides at and
 * beyond `maxzoom`. After a new style (or a lost WebGL context, which rebuilds the style) the data
 * layers add a new one, in the user's order, and the old one leaves and frees its GL objects.
 * Its GL objects are made at its first frame, and again if the context's are lost.
 */
export class HeatLayer implements CustomLayerInterface {
  readonly type = 'custom' as const;
  readonly renderingMode = '2d' as const;
  /** Frames drawn with new heat (a test hook: a frame showing the latest image has `drawn` > the count before it was set). */
  drawn = 0;
  private map: MlMap | null = null;
  private context: WebGL2RenderingContext | null = null;
  private gl: Gl | null = null;
  private image: HeatImage | null = null;
  private mesh: HeatMesh | null = null;
  private stale = { texture: false, mesh: false, fresh: false };
  private alpha: number;

  constructor(readonly id: string, opacity: number, readonly maxzoom = 24) { this.alpha = opacity; }

  get opacity(): number { return this.alpha; }

  /** New heat: drawn at the next frame (only then uploaded). */
  setImage(image: HeatImage, corners: Corners): void {
    this.image = image;
    this.mesh = heatMesh(image.pixels, image.width, image.height, corners);
    this.stale = { texture: true, mesh: true, fresh: true };
    this.map?.triggerRepaint();
  }

  setOpacity(opacity: number): void {
    if (opacity === this.alpha) return;
    this.alpha = opacity;
    this.map?.triggerRepaint();
  }

  onAdd(map: MlMap, gl: WebGL2RenderingContext): void {
    this.map = map; this.context = gl;
    map.on('webglcontextlost', this.lost);
    map.on('style.load', this.onStyle);
  }

  onRemove(): void { this.release(); }

  /** Frees the GL objects and stops listening (removed, or left behind by a replaced style). */
  private release(): void {
    const { map, context: gl, gl: g } = this;
    map?.off('webglcontextlost', this.lost); map?.off('style.load', this.onStyle);
    if (gl && g && !gl.isContextLost()) { gl.deleteProgram(g.program); gl.deleteVertexArray(g.vao); gl.deleteBuffer(g.buffer); gl.deleteTexture(g.texture); }
    this.gl = null; this.map = null; this.context = null;
  }

  /**
   * A new style. Applied as a diff, it keeps custom layers, but the new basemap's layers go above
   * this one: it leaves, and the data layers add it again in the user's order (as they re-add
   * every layer after a style change). Rebuilt from scratch, or after a lost context, the style
   * has dropped it without calling onRemove: only its GL objects are left to free.
   */
  private onStyle = () => {
    const { map } = this;
    if (map && heatLayerOf(map, this.id) === this) map.removeLayer(this.id); // → onRemove → release
    else this.release();
  };

  /** The context's objects are gone: made again (and the image uploaded again) at the next frame. */
  private lost = () => { this.gl = null; };

  render(gl: WebGL2RenderingContext, args: CustomRenderMethodInput): void {
    const { image, mesh, map } = this;
    if (!image || !mesh || !map || gl.isContextLost()) return;
    if (!this.gl) { this.gl = createGl(gl); this.stale = { ...this.stale, texture: true, mesh: true }; }
    const g = this.gl;
    gl.bindVertexArray(g.vao);
    gl.activeTexture(gl.TEXTURE0);
    gl.bindTexture(gl.TEXTURE_2D, g.texture);
    if (this.stale.texture) {
      gl.texImage2D(gl.TEXTURE_2D, 0, gl.RGBA, image.width, image.height, 0, gl.RGBA, gl.UNSIGNED_BYTE, image.pixels);
      this.stale.texture = false;
    }
    if (this.stale.mesh) {
      gl.bindBuffer(gl.ARRAY_BUFFER, g.buffer);
      gl.bufferData(gl.ARRAY_BUFFER, mesh.vertices, gl.STATIC_DRAW);
      this.stale.mesh = false;
    }
    if (this.stale.fresh) { this.stale.fresh = false; this.drawn++; }
    if (map.getZoom() >= this.maxzoom || mesh.count === 0 || this.alpha <= 0) { gl.bindVertexArray(null); return; }
    gl.useProgram(g.program);
    gl.uniformMatrix4fv(g.matrix, false, matrixAt(args.defaultProjectionData.mainMatrix, mesh.origin));
    gl.uniform1f(g.opacity, this.alpha);
    gl.uniform1i(g.image, 0);
    gl.drawArrays(gl.TRIANGLES, 0, mesh.count);
    gl.bindVertexArray(null);
  }
}

/** The map's heat layer `id` when it is one. */
export function heatLayerOf(map: MlMap, id: string): HeatLayer | null {
  const impl = (map.getLayer(id) as unknown as { implementation?: unknown } | undefined)?.implementation;
  return impl instanceof HeatLayer ? impl : null;
}
