import { error } from "../model/diagnostic.ts";
import { defineAction } from "./action.ts";

export const openPost = defineAction({
  type: "openPost",
  rule: {
    changesView: () => true,
    rendersOnPage: true,
    templates: () => [],
    check(action, place) {
      if (place.project.posts.some((post) => post.id === action.post)) return [];
      return [
        error(
          "unknownPost",
          `Post "${action.post}" does not exist; add it to "posts" or open another one.`,
          `${place.pointer}/post`,
        ),
      ];
    },
  },
  effect: {
    land: (action) => [{ type: "effect", effect: { type: "openPost", post: action.post } }],
  },
});
