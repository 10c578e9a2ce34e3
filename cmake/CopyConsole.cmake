# cmake -DSRC=<console/dist> -DDST=<build>/console -P CopyConsole.cmake
# Mirrors the built Console into the build tree, where `gatehouse serve` finds it beside the
# executable (doc/console.md). Without SRC (the SPA not built) it leaves DST as it is.
if(EXISTS "${SRC}/index.html")
  file(REMOVE_RECURSE "${DST}")
  file(COPY "${SRC}/" DESTINATION "${DST}")
endif()
