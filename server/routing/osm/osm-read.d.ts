/** Minimal types for the parts of `osm-read` (LGPL-3.0, reads OSM XML and PBF) that the importer uses. */
declare module 'osm-read' {
  export type OsmReadTags = Record<string, string>;

  export interface OsmReadNode {
    id: string;
    lat: number;
    lon: number;
    tags: OsmReadTags;
  }

  export interface OsmReadWay {
    id: string;
    tags: OsmReadTags;
    nodeRefs: string[];
  }

  export interface OsmReadParseOptions {
    filePath: string;
    format: 'xml' | 'pbf';
    node?: (node: OsmReadNode) => void;
    way?: (way: OsmReadWay) => void;
    endDocument?: () => void;
    error?: (error: unknown) => void;
  }

  export interface OsmReadParser {
    pause(): void;
    resume(): void;
  }

  const osmRead: { parse(options: OsmReadParseOptions): OsmReadParser };
  export default osmRead;
}
