// FreeType (with libpng and Brotli, which it loads), opened on first use:
// MuPDF draws and measures glyphs with it, and tex_fonts.cpp asks it which
// characters a TeX font has, but `check` reads glyph widths and Unicode from
// the PDF's font dictionaries and needs it only for the fonts that lack them
// (none of the test papers; core/src/pdf/pdf_text.cpp). Linked, its four
// libraries are mapped and relocated at every start of every command. These
// are the functions libmupdf.a, libmupdf-third.a and the project call; a new
// call needs its line here (the link fails until it has one). See
// lazy_library.hpp and lazy_mupdf_optional.hpp.
#include <ft2build.h>
#include FT_FREETYPE_H
#include FT_ADVANCES_H
#include FT_GLYPH_H
#include FT_MODULE_H
#include FT_OUTLINE_H
#include FT_STROKER_H
#include FT_TRUETYPE_TABLES_H
#include FT_FONT_FORMATS_H

#include "lazy/lazy_library.hpp"

namespace {

constexpr const char* what = "FreeType (libfreetype.so.6, Debian package libfreetype6)";

void* libfreetype() {
  static void* const handle = proceedings::open_library({"libfreetype.so.6"}, what);
  return handle;
}

}  // namespace

#define FORWARD(type, name, parameters, arguments) \
  PROCEEDINGS_FORWARD_FUNCTION(libfreetype, what, type, name, parameters, arguments)

extern "C" {

FORWARD(void, FT_Add_Default_Modules, (FT_Library library), (library))
FORWARD(FT_Error, FT_Done_Face, (FT_Face face), (face))
FORWARD(FT_Error, FT_Done_FreeType, (FT_Library library), (library))
FORWARD(void, FT_Done_Glyph, (FT_Glyph glyph), (glyph))
FORWARD(FT_Error, FT_Done_Library, (FT_Library library), (library))
FORWARD(FT_Error, FT_Get_Advance, (FT_Face face, FT_UInt gindex, FT_Int32 load_flags, FT_Fixed *padvance), (face, gindex, load_flags, padvance))
FORWARD(FT_Long, FT_Get_CMap_Format, (FT_CharMap charmap), (charmap))
FORWARD(FT_UInt, FT_Get_Char_Index, (FT_Face face, FT_ULong charcode), (face, charcode))
FORWARD(FT_ULong, FT_Get_First_Char, (FT_Face face, FT_UInt *agindex), (face, agindex))
FORWARD(const char*, FT_Get_Font_Format, (FT_Face face), (face))
FORWARD(FT_Error, FT_Get_Glyph, (FT_GlyphSlot slot, FT_Glyph *aglyph), (slot, aglyph))
FORWARD(FT_Error, FT_Get_Glyph_Name, (FT_Face face, FT_UInt glyph_index, FT_Pointer buffer, FT_UInt buffer_max), (face, glyph_index, buffer, buffer_max))
FORWARD(FT_UInt, FT_Get_Name_Index, (FT_Face face, const FT_String* glyph_name), (face, glyph_name))
FORWARD(FT_ULong, FT_Get_Next_Char, (FT_Face face, FT_ULong char_code, FT_UInt *agindex), (face, char_code, agindex))
FORWARD(const char*, FT_Get_Postscript_Name, (FT_Face face), (face))
FORWARD(void*, FT_Get_Sfnt_Table, (FT_Face face, FT_Sfnt_Tag tag), (face, tag))
FORWARD(FT_Error, FT_Glyph_Stroke, (FT_Glyph *pglyph, FT_Stroker stroker, FT_Bool destroy), (pglyph, stroker, destroy))
FORWARD(FT_Error, FT_Glyph_To_Bitmap, (FT_Glyph* the_glyph, FT_Render_Mode render_mode, const FT_Vector* origin, FT_Bool destroy), (the_glyph, render_mode, origin, destroy))
FORWARD(FT_Error, FT_Init_FreeType, (FT_Library *alibrary), (alibrary))
FORWARD(void, FT_Library_Version, (FT_Library library, FT_Int *amajor, FT_Int *aminor, FT_Int *apatch), (library, amajor, aminor, apatch))
FORWARD(FT_Error, FT_Load_Glyph, (FT_Face face, FT_UInt glyph_index, FT_Int32 load_flags), (face, glyph_index, load_flags))
FORWARD(FT_Error, FT_New_Face, (FT_Library library, const char* filepathname, FT_Long face_index, FT_Face *aface), (library, filepathname, face_index, aface))
FORWARD(FT_Error, FT_New_Library, (FT_Memory memory, FT_Library *alibrary), (memory, alibrary))
FORWARD(FT_Error, FT_New_Memory_Face, (FT_Library library, const FT_Byte* file_base, FT_Long file_size, FT_Long face_index, FT_Face *aface), (library, file_base, file_size, face_index, aface))
FORWARD(FT_Error, FT_Outline_Decompose, (FT_Outline* outline, const FT_Outline_Funcs* func_interface, void* user), (outline, func_interface, user))
FORWARD(FT_Error, FT_Outline_Embolden, (FT_Outline* outline, FT_Pos strength), (outline, strength))
FORWARD(void, FT_Outline_Get_CBox, (const FT_Outline* outline, FT_BBox *acbox), (outline, acbox))
FORWARD(void, FT_Outline_Translate, (const FT_Outline* outline, FT_Pos xOffset, FT_Pos yOffset), (outline, xOffset, yOffset))
FORWARD(FT_Error, FT_Render_Glyph, (FT_GlyphSlot slot, FT_Render_Mode render_mode), (slot, render_mode))
FORWARD(FT_Error, FT_Select_Charmap, (FT_Face face, FT_Encoding encoding), (face, encoding))
FORWARD(FT_Error, FT_Set_Char_Size, (FT_Face face, FT_F26Dot6 char_width, FT_F26Dot6 char_height, FT_UInt horz_resolution, FT_UInt vert_resolution), (face, char_width, char_height, horz_resolution, vert_resolution))
FORWARD(FT_Error, FT_Set_Charmap, (FT_Face face, FT_CharMap charmap), (face, charmap))
FORWARD(FT_Error, FT_Set_Pixel_Sizes, (FT_Face face, FT_UInt pixel_width, FT_UInt pixel_height),
        (face, pixel_width, pixel_height))
FORWARD(void, FT_Set_Transform, (FT_Face face, FT_Matrix* matrix, FT_Vector* delta), (face, matrix, delta))
FORWARD(FT_Error, FT_Sfnt_Table_Info, (FT_Face face, FT_UInt table_index, FT_ULong *tag, FT_ULong *length), (face, table_index, tag, length))
FORWARD(void, FT_Stroker_Done, (FT_Stroker stroker), (stroker))
FORWARD(FT_Error, FT_Stroker_New, (FT_Library library, FT_Stroker *astroker), (library, astroker))
FORWARD(void, FT_Stroker_Set, (FT_Stroker stroker, FT_Fixed radius, FT_Stroker_LineCap line_cap, FT_Stroker_LineJoin line_join, FT_Fixed miter_limit), (stroker, radius, line_cap, line_join, miter_limit))

}  // extern "C"
