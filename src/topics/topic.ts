// Topics form a hierarchy (a topic may have a parent); articles are filed under any number of them.

export interface Topic {
  id: number;
  slug: string;
  name: string;
  description: string;
  parentId: number | null;
}

export interface NewTopic {
  name: string;
  slug?: string;
  description?: string;
  parentId?: number | null;
  localizations?: { language: string; name: string; description?: string }[];
}
