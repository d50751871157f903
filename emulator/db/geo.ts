// Geo queries as MongoDB answers them on a 2dsphere index: `$nearSphere`/`$near` (filter, nearest
// first), `$geoWithin` (`$geometry` polygons, `$centerSphere`, and the flat `$box`, `$center`,
// `$polygon`), `$geoIntersects`, and the aggregation stage `$geoNear`.
// Distances on the sphere are computed as S2 (MongoDB's geometry library) does: the angle between
// the two unit vectors, atan2(|a×b|, a·b), times the radius MongoDB uses (6378.1 km), so that
// `$geoNear` reports the same metres as the service. Containment tests edges as straight lines in
// longitude/latitude, which agrees with the service's geodesic edges for shapes of city size.
import { DbError } from './errors'
import { Doc, isPlainObject } from './wire'

export const EARTH_RADIUS_M = 6378100

type LngLat = [number, number]
type Vec = [number, number, number]

export const GEO_QUERY_OPS = ['$near', '$nearSphere', '$geoWithin', '$geoIntersects'] as const

const bad = (message: string) =>
  new DbError('DATABASE_REQUEST_FAILED', `[FailedOperation] ${message}`)

const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v)

// [lng, lat] of a legacy pair ([x, y] or {x, y}-like object with two numbers), else undefined.
function legacyPair(v: unknown): LngLat | undefined {
  if (Array.isArray(v) && v.length >= 2 && isNum(v[0]) && isNum(v[1])) return [v[0], v[1]]
  if (isPlainObject(v) && !('type' in v)) {
    const nums = Object.values(v)
    if (nums.length === 2 && isNum(nums[0]) && isNum(nums[1])) return [nums[0], nums[1]]
  }
  return undefined
}

function validLngLat(p: LngLat): boolean {
  return p[0] >= -180 && p[0] <= 180 && p[1] >= -90 && p[1] <= 90
}

// The points of a GeoJSON geometry (every vertex), or undefined when `v` is not one.
export function geometryPoints(v: unknown): LngLat[] | undefined {
  if (!isPlainObject(v) || typeof v.type !== 'string') return undefined
  const c = v.coordinates
  const pts = (x: unknown, depth: number): LngLat[] | undefined => {
    if (depth === 0) return legacyPair(x) ? [legacyPair(x) as LngLat] : undefined
    if (!Array.isArray(x)) return undefined
    const out: LngLat[] = []
    for (const item of x) {
      const p = pts(item, depth - 1)
      if (!p) return undefined
      out.push(...p)
    }
    return out
  }
  switch (v.type) {
    case 'Point':
      return pts(c, 0)
    case 'MultiPoint':
    case 'LineString':
      return pts(c, 1)
    case 'MultiLineString':
    case 'Polygon':
      return pts(c, 2)
    case 'MultiPolygon':
      return pts(c, 3)
    case 'GeometryCollection':
      return Array.isArray(v.geometries)
        ? v.geometries.flatMap((g) => geometryPoints(g) ?? [])
        : undefined
    default:
      return undefined
  }
}

// The polygons (rings, outer first) of a GeoJSON Polygon/MultiPolygon.
function polygonsOf(v: unknown): LngLat[][][] | undefined {
  if (!isPlainObject(v)) return undefined
  const ring = (r: unknown) => (Array.isArray(r) ? r.map((p) => legacyPair(p)) : [])
  const poly = (p: unknown): LngLat[][] | undefined => {
    if (!Array.isArray(p) || p.length === 0) return undefined
    const rings = p.map(ring)
    if (rings.some((r) => r.length < 4 || r.some((x) => !x))) return undefined
    return rings as LngLat[][]
  }
  if (v.type === 'Polygon') {
    const p = poly(v.coordinates)
    return p ? [p] : undefined
  }
  if (v.type === 'MultiPolygon' && Array.isArray(v.coordinates)) {
    const ps = v.coordinates.map(poly)
    return ps.every(Boolean) ? (ps as LngLat[][][]) : undefined
  }
  return undefined
}

// Every location a stored field holds: a GeoJSON geometry, a legacy pair, or an array of them.
function locations(value: unknown): LngLat[][] {
  if (value === undefined || value === null) return []
  const g = geometryPoints(value)
  if (g) return [g]
  const pair = legacyPair(value)
  if (pair) return [[pair]]
  if (Array.isArray(value)) return value.flatMap((v) => locations(v))
  return []
}

// degrees → radians as S2 converts them (one multiplication: rounding decides the last digits)
const RADIANS_PER_DEGREE = Math.PI / 180

const toVec = ([lng, lat]: LngLat): Vec => {
  const phi = lat * RADIANS_PER_DEGREE
  const theta = lng * RADIANS_PER_DEGREE
  const c = Math.cos(phi)
  return [Math.cos(theta) * c, Math.sin(theta) * c, Math.sin(phi)]
}

/** Angle in radians between two [lng, lat] points, as S2 computes it. */
export function sphereAngle(a: LngLat, b: LngLat): number {
  const p = toVec(a)
  const q = toVec(b)
  const x = p[1] * q[2] - p[2] * q[1]
  const y = p[2] * q[0] - p[0] * q[2]
  const z = p[0] * q[1] - p[1] * q[0]
  return Math.atan2(Math.sqrt(x * x + y * y + z * z), p[0] * q[0] + p[1] * q[1] + p[2] * q[2])
}

const flatDistance = (a: LngLat, b: LngLat) => Math.hypot(a[0] - b[0], a[1] - b[1])

// Ray casting in the lng/lat plane; points on an edge count as inside.
function inRing(p: LngLat, ring: LngLat[]): boolean {
  let inside = false
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i]
    const [xj, yj] = ring[j]
    if (onSegment(p, ring[i], ring[j])) return true
    if (yi > p[1] !== yj > p[1] && p[0] < ((xj - xi) * (p[1] - yi)) / (yj - yi) + xi)
      inside = !inside
  }
  return inside
}

function onSegment(p: LngLat, a: LngLat, b: LngLat): boolean {
  const cross = (b[0] - a[0]) * (p[1] - a[1]) - (b[1] - a[1]) * (p[0] - a[0])
  if (Math.abs(cross) > 1e-12) return false
  return (
    Math.min(a[0], b[0]) - 1e-12 <= p[0] &&
    p[0] <= Math.max(a[0], b[0]) + 1e-12 &&
    Math.min(a[1], b[1]) - 1e-12 <= p[1] &&
    p[1] <= Math.max(a[1], b[1]) + 1e-12
  )
}

// Inside the outer ring and not strictly inside a hole.
function inPolygon(p: LngLat, rings: LngLat[][]): boolean {
  if (!inRing(p, rings[0])) return false
  return rings.slice(1).every((hole) => !inRing(p, hole) || hole.some((_, i) => onEdge(p, hole, i)))
}

const onEdge = (p: LngLat, ring: LngLat[], i: number) =>
  onSegment(p, ring[i], ring[(i + 1) % ring.length])

// ---- query operators ---------------------------------------------------------------------------

type Region = (p: LngLat) => boolean

const twoCorners = (v: unknown): LngLat[] | undefined => {
  const box = Array.isArray(v) ? v.map(legacyPair) : []
  return box.length === 2 && box[0] && box[1] ? (box as LngLat[]) : undefined
}

// $geoWithin's shapes: shape operator → region test (throws on a malformed shape)
const REGIONS: Record<string, (shape: unknown) => Region> = {
  $geometry: (shape) => {
    const polys = polygonsOf(shape)
    if (!polys) throw bad('$geoWithin $geometry must be a Polygon or MultiPolygon')
    return (p) => polys.some((rings) => inPolygon(p, rings))
  },
  $centerSphere: (cs) => {
    const center = Array.isArray(cs) ? (legacyPair(cs[0]) ?? geometryPoints(cs[0])?.[0]) : undefined
    const radius = Array.isArray(cs) ? cs[1] : undefined
    if (!center || !validLngLat(center) || !isNum(radius) || radius < 0) {
      throw bad('$centerSphere needs [[lng, lat], radius in radians]')
    }
    return (p) => sphereAngle(center, p) <= radius
  },
  $box: (shape) => {
    const box = twoCorners(shape)
    if (!box) throw bad('$box needs two corners')
    const [a, b] = box
    const inside = (x: number, i: 0 | 1) => x >= Math.min(a[i], b[i]) && x <= Math.max(a[i], b[i])
    return (p) => inside(p[0], 0) && inside(p[1], 1)
  },
  $center: (shape) => {
    const c = Array.isArray(shape) ? shape : []
    const center = legacyPair(c[0])
    const radius = c[1]
    if (!center || !isNum(radius)) throw bad('$center needs [[x, y], radius]')
    return (p) => flatDistance(center, p) <= radius
  },
  $polygon: (shape) => {
    const ring = Array.isArray(shape) ? shape.map(legacyPair) : []
    if (ring.length < 3 || ring.some((x) => !x)) throw bad('$polygon needs three points or more')
    return (p) => inRing(p, ring as LngLat[])
  },
}

function withinRegion(spec: unknown): Region {
  if (!isPlainObject(spec)) throw bad('$geoWithin needs an object')
  const op = Object.keys(REGIONS).find((k) => k in spec)
  if (!op) throw bad('$geoWithin needs $geometry, $centerSphere, $box, $center or $polygon')
  return REGIONS[op](spec[op])
}

// A stored field is within the region when every point of one of its locations is.
export function geoWithin(spec: unknown): (value: unknown) => boolean {
  const region = withinRegion(spec)
  return (value) => locations(value).some((pts) => pts.length > 0 && pts.every(region))
}

// Intersection, approximated by shared points: a vertex of either inside the other (polygons),
// or equal points. Enough for points against areas, the case applications use.
export function geoIntersects(spec: unknown): (value: unknown) => boolean {
  if (!isPlainObject(spec) || !isPlainObject(spec.$geometry)) {
    throw bad('$geoIntersects needs $geometry')
  }
  const shape = spec.$geometry
  const shapePolys = polygonsOf(shape)
  const shapePts = geometryPoints(shape)
  if (!shapePts) throw bad('$geoIntersects $geometry is not GeoJSON')
  return (value) => {
    if (value === undefined || value === null) return false
    const valuePolys = polygonsOf(value) ?? []
    return locations(value).some(
      (pts) =>
        pts.some(
          (p) =>
            (shapePolys?.some((rings) => inPolygon(p, rings)) ?? false) ||
            shapePts.some((q) => q[0] === p[0] && q[1] === p[1])
        ) || shapePts.some((q) => valuePolys.some((rings) => inPolygon(q, rings)))
    )
  }
}

export interface NearSpec {
  // distance from the query point to a stored value (Infinity when it holds no location)
  distance: (value: unknown) => number
  min: number
  max: number
}

const distanceLimit = (v: unknown, what: string): number | undefined => {
  if (v !== undefined && (!isNum(v) || v < 0)) throw bad(`${what} must be ≥ 0`)
  return v
}

// `$near`/`$nearSphere`: a GeoJSON point with metres, or a legacy pair with radians ($nearSphere)
// or flat units ($near).
export function nearSpec(op: string, spec: unknown): NearSpec {
  const geojson = isPlainObject(spec) && '$geometry' in spec
  const g = geojson ? (spec as Doc).$geometry : undefined
  const point = geojson
    ? isPlainObject(g) && g.type === 'Point'
      ? legacyPair(g.coordinates)
      : undefined
    : legacyPair(spec)
  const spherical = geojson || op === '$nearSphere'
  if (!point || (spherical && !validLngLat(point))) throw bad(`${op} needs a point`)
  const limits = geojson ? (spec as Doc) : {}
  const min = distanceLimit(limits.$minDistance, `${op} $minDistance`) ?? 0
  const max = distanceLimit(limits.$maxDistance, `${op} $maxDistance`) ?? Infinity
  const unit = geojson ? EARTH_RADIUS_M : 1
  const measure = (p: LngLat) => (spherical ? sphereAngle(point, p) * unit : flatDistance(point, p))
  return {
    distance: (value) => {
      let best = Infinity
      for (const pts of locations(value)) for (const p of pts) best = Math.min(best, measure(p))
      return best
    },
    min,
    max,
  }
}

// A filter's `$near`/`$nearSphere` condition: the field and its distance function (the service
// returns such matches nearest first).
export function findNear(filter: Doc): { path: string; near: NearSpec } | undefined {
  for (const [key, cond] of Object.entries(filter)) {
    if (key === '$and' && Array.isArray(cond)) {
      for (const sub of cond) {
        const found = isPlainObject(sub) ? findNear(sub) : undefined
        if (found) return found
      }
    } else if (!key.startsWith('$') && isPlainObject(cond)) {
      for (const op of ['$nearSphere', '$near']) {
        if (op in cond) return { path: key, near: nearSpec(op, cond[op]) }
      }
    }
  }
  return undefined
}

export interface GeoNearStage {
  // distance from the stage's point to a location (metres for a GeoJSON point, radians for a
  // legacy pair with spherical: true, flat units otherwise)
  measure: (p: LngLat) => number
  distanceField: string
  key?: string
  query?: Doc
  minDistance: number
  maxDistance: number
  distanceMultiplier: number
  includeLocs?: string
}

// The `$geoNear` stage's options, checked as the service checks them.
export function parseGeoNear(spec: unknown): GeoNearStage {
  if (!isPlainObject(spec)) throw bad('$geoNear needs an object')
  const nearValue = spec.near
  const geo = isPlainObject(nearValue) && nearValue.type === 'Point'
  const near = geo ? legacyPair((nearValue as Doc).coordinates) : legacyPair(nearValue)
  if (!near) throw bad("$geoNear requires a 'near' point")
  if (typeof spec.distanceField !== 'string' || !spec.distanceField) {
    throw bad("$geoNear requires a 'distanceField' option as a String")
  }
  const num = (v: unknown, name: string, fallback: number) => {
    if (v === undefined || v === null) return fallback
    if (!isNum(v) || v < 0) throw bad(`$geoNear ${name} must be a non-negative number`)
    return v
  }
  const from = near
  const measure = geo
    ? (p: LngLat) => sphereAngle(from, p) * EARTH_RADIUS_M
    : spec.spherical === true
      ? (p: LngLat) => sphereAngle(from, p)
      : (p: LngLat) => flatDistance(from, p)
  return {
    measure,
    distanceField: spec.distanceField,
    key: typeof spec.key === 'string' ? spec.key : undefined,
    query: isPlainObject(spec.query) ? spec.query : undefined,
    minDistance: num(spec.minDistance, 'minDistance', 0),
    maxDistance: num(spec.maxDistance, 'maxDistance', Infinity),
    distanceMultiplier: num(spec.distanceMultiplier, 'distanceMultiplier', 1),
    includeLocs: typeof spec.includeLocs === 'string' ? spec.includeLocs : undefined,
  }
}

// The nearest location that `value` (a field's content) holds: its distance and the location.
export function nearestLocation(
  stage: GeoNearStage,
  value: unknown
): { distance: number; location: unknown } | undefined {
  if (value === undefined || value === null) return undefined
  const each = Array.isArray(value) && !legacyPair(value) ? value : [value]
  let best: { distance: number; location: unknown } | undefined
  for (const loc of each) {
    for (const pts of locations(loc)) {
      for (const p of pts) {
        const d = stage.measure(p)
        if (!best || d < best.distance) best = { distance: d, location: loc }
      }
    }
  }
  return best
}
