#include <pango/pangocairo.h>
#include <pango/pangofc-fontmap.h>
#include <fontconfig/fontconfig.h>

/* PANGO_FC_FONT_MAP() is a GObject cast macro, which Swift cannot import; this lets
   the renderer give a font map its own fontconfig configuration (pinned fonts). */
static inline void cpango_font_map_set_fc_config(PangoFontMap *map, FcConfig *config) {
  pango_fc_font_map_set_config(PANGO_FC_FONT_MAP(map), config);
}
