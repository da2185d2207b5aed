import { error } from "../model/diagnostic.ts";
import { hasId, idsOf } from "../model/id-index.ts";
import { didYouMean } from "../model/suggest.ts";
import { defineAction } from "./action.ts";

export const openPost = defineAction({
  type: "openPost",
  rule: {
    changesView: () => true,
    rendersOnPage: true,
    templates: () => [],
    check(action, place) {
      const posts = place.project.posts;
      if (hasId(posts, action.post)) return [];
      const hint = didYouMean(action.post, idsOf(posts), "posts");
      return [
        error(
          "unknownPost",
          `Post "${action.post}" does not exist; add it to "posts" or open another one (${hint}).`,
          `${place.pointer}/post`,
        ),
      ];
    },
  },
  effect: {
    land: (action) => [{ type: "effect", effect: { type: "openPost", post: action.post } }],
  },
});
