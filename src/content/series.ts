// A series is an ordered run of articles ("Part 2 of 4").

export interface Series {
  id: number;
  slug: string;
  title: string;
  description: string;
}
