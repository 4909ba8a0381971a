#pragma once
// The web page and the widget (server/web/), compiled into the binary so that it serves them with
// no files to find; handlers.cc answers them with their content type, an ETag and the
// security headers.

#include <string_view>
#include <vector>

namespace server {

struct WebAsset {
  std::string_view path;          // "/", "/app.js", "/widget.js", ...
  std::string_view content_type;
  std::string_view content;
};

const std::vector<WebAsset>& web_assets();

// The map's country shapes (TopoJSON, alpha-2 ids): world_atlas.cc, generated at build time from
// web/world/ by world_atlas_alpha2.
std::string_view world_atlas_json();

}  // namespace server
