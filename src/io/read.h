/* read.h: internals of the document readers shared inside io/. */
#ifndef DYAD_IO_READ_H
#define DYAD_IO_READ_H

#include "../base/base.h"

#endif
